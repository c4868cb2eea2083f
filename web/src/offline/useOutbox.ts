// The records this device holds for the person signed in, kept up to date as the outbox changes.
import { useEffect, useState } from "react";
import { useSession } from "../session.tsx";
import type { OutboxItem } from "./db.ts";
import { outboxItems, OUTBOX_EVENT } from "./sync.ts";

export function useOutbox(): OutboxItem[] {
  const { session } = useSession();
  const userId = session?.user.id;
  const [items, setItems] = useState<OutboxItem[]>([]);
  useEffect(() => {
    if (!userId) return setItems([]);
    const update = () =>
      void outboxItems(userId)
        .then(setItems)
        .catch(() => undefined);
    update();
    window.addEventListener(OUTBOX_EVENT, update);
    return () => window.removeEventListener(OUTBOX_EVENT, update);
  }, [userId]);
  return items;
}
