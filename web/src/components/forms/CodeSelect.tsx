// A select of one of the API's codes (a channel, a platform, a kind of evidence…), each shown in words.
import type { ReactNode } from "react";
import { CHANNELS, PLATFORMS, type Channel, type Platform } from "../../../../src/core/incident/model.ts";
import { CHANNEL_LABEL, PLATFORM_LABEL } from "../labels.ts";
import { SelectField, type Described } from "./Field.tsx";

interface CodeSelectProps<Code extends string, Value extends string> extends Described {
  codes: readonly Code[];
  labels: Readonly<Record<Code, string>>;
  /** The words of a first, empty choice ("Not stated"), when the select may be left empty. */
  empty?: string;
  value: Value;
  onChange: (value: Value) => void;
  /** More choices after the codes. */
  children?: ReactNode;
}

export function CodeSelect<Code extends string, Value extends string>({
  codes,
  labels,
  empty,
  value,
  onChange,
  children,
  ...field
}: CodeSelectProps<Code, Value>) {
  return (
    <SelectField {...field} value={value} onChange={(e) => onChange(e.target.value as Value)}>
      {empty !== undefined ? <option value="">{empty}</option> : null}
      {codes.map((code) => (
        <option key={code} value={code}>
          {labels[code]}
        </option>
      ))}
      {children}
    </SelectField>
  );
}

type OneCodeSelectProps<Code extends string, Value extends string> = Omit<
  CodeSelectProps<Code, Value>,
  "codes" | "labels"
> & {
  /** The words for each code: the lists' own unless given (the record form offers fuller ones). */
  labels?: Readonly<Record<Code, string>>;
};

/** Where or how an incident happened. */
export function ChannelSelect<Value extends string>({
  labels = CHANNEL_LABEL,
  ...props
}: OneCodeSelectProps<Channel, Value>) {
  return <CodeSelect codes={CHANNELS} labels={labels} {...props} />;
}

/** The platform of an online incident or account. */
export function PlatformSelect<Value extends string>({
  labels = PLATFORM_LABEL,
  ...props
}: OneCodeSelectProps<Platform, Value>) {
  return <CodeSelect codes={PLATFORMS} labels={labels} {...props} />;
}
