// Records kept on this device: waiting to be sent, or refused by Shield (kept until the person decides).
import { discardOutboxItem, flushOutbox } from "../../offline/sync.ts";
import { useOutbox } from "../../offline/useOutbox.ts";

export function QueuedItems() {
  const items = useOutbox();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="queued-heading" className="card">
      <h2 id="queued-heading">Kept on this device</h2>
      <ul className="plain">
        {items.map((item) => (
          <li key={item.key}>
            <strong>{item.body.summary}</strong>{" "}
            <span className="meta">recorded {new Date(item.queuedAt).toLocaleString("en-GB")}</span>
            <br />
            {item.rejected ? (
              <>
                Shield could not accept it: {item.lastError}{" "}
                <button
                  type="button"
                  className="secondary"
                  onClick={() => {
                    if (confirm(`Delete “${item.body.summary}” from this device? It has not been sent.`))
                      void discardOutboxItem(item.key);
                  }}
                >
                  Delete from this device
                </button>
              </>
            ) : (
              <>
                Waiting to be sent.{" "}
                <button type="button" className="secondary" onClick={() => void flushOutbox()}>
                  Try sending now
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
