/** Subject tab: Subject name parts and Alternative names, each with Type, Value, Add > and < Remove. */
import {
  ALT_NAME_TYPES,
  checkAltName,
  hostOfPastedUrl,
  checkSubjectPart,
  dnsDisplay,
  impliedAltName,
  parseDistinguishedName,
  SUBJECT_IN_SAN,
  SUBJECT_TYPES,
  subjectType,
  altNameLabel,
} from "../../pki/names";
import type { AltNameType, SubjectType } from "../../pki/names";
import { useWizard } from "../../store/store";
import { TypeValueList } from "../../ui/type-value-list";

const SUBJECT_EXAMPLES: Record<SubjectType, string> = {
  CN: "webext.contoso.com",
  O: "Contoso Ltd",
  OU: "IT",
  L: "Redmond",
  ST: "Washington",
  C: "US",
  E: "pki@contoso.com",
  DC: "contoso",
  G: "Alex",
  I: "A.",
  SN: "Wilber",
  T: "Proxy administrator",
};

/** MMC's "Full DN": the whole subject typed as one distinguished name, then shown here part by part. */
const FULL_DN = "full-dn";
type SubjectChoice = SubjectType | typeof FULL_DN;
const SUBJECT_CHOICES: readonly { type: SubjectChoice; label: string }[] = [
  ...SUBJECT_TYPES,
  { type: FULL_DN, label: "Full DN" },
];
const ALT_EXAMPLES: Record<AltNameType, string> = {
  dns: "meet.contoso.com",
  ipv4: "192.0.2.10",
  ipv6: "2001:db8::10",
  email: "admin@contoso.com",
  url: "https://meet.contoso.com/",
  upn: "svc-proxy@contoso.com",
  dn: "CN=proxy, O=Contoso, C=US",
  guid: "{f7c3ac41-b8ce-4fb4-aa58-3d1dc0e36b39}",
};

export function SubjectTab() {
  const draft = useWizard((s) => s.properties!.draft);
  const update = useWizard((s) => s.updateDraft);
  const implied = impliedAltName(draft.subject, draft.altNames);
  return (
    <>
      <p className="hint">
        The subject of a certificate is the user or computer it is issued to. For a reverse proxy, the Common name is
        its external web services FQDN, and every name clients connect to is an alternative name.
      </p>
      <TypeValueList<SubjectChoice>
        legend="Subject name"
        types={SUBJECT_CHOICES}
        placeholder={(t) => (t === FULL_DN ? "CN=webext.contoso.com, O=Contoso Ltd, C=US" : SUBJECT_EXAMPLES[t])}
        entries={draft.subject.map((p, i) => ({
          key: String(i),
          text: `${subjectType(p.type).label}: ${dnsDisplay(p.value, p.unicode)}`,
        }))}
        onAdd={(type, input) => {
          if (type === FULL_DN) {
            // Parsed with the same checks as each part typed alone; refused whole when one part is wrong.
            const dn = parseDistinguishedName(input);
            if (!dn.ok) return dn.error;
            update((d) => ({ ...d, subject: [...d.subject, ...dn.parts] }));
            return null;
          }
          const checked = checkSubjectPart(type, input);
          if (!checked.ok) return checked.error;
          if (draft.subject.some((p) => p.type === type && p.value === checked.value)) {
            return `${subjectType(type).label} ${checked.value} is already in the subject.`;
          }
          const part = checked.unicode
            ? { type, value: checked.value, unicode: checked.unicode }
            : { type, value: checked.value };
          update((d) => ({ ...d, subject: [...d.subject, part] }));
          return null;
        }}
        onRemove={(keys) => update((d) => ({ ...d, subject: d.subject.filter((_, i) => !keys.includes(String(i))) }))}
      />
      <TypeValueList<AltNameType>
        legend="Alternative name"
        types={ALT_NAME_TYPES}
        placeholder={(t) => ALT_EXAMPLES[t]}
        fixFor={(type, input) => (type === "dns" ? hostOfPastedUrl(input) : null)}
        entries={[
          ...(implied
            ? [
                {
                  key: "implied",
                  text: `${altNameLabel(implied.type)}: ${dnsDisplay(implied.value, implied.unicode)} (the subject name)`,
                  implied: true,
                },
              ]
            : []),
          ...draft.altNames.map((n, i) => ({
            key: String(i),
            text: `${altNameLabel(n.type)}: ${n.type === "dns" ? dnsDisplay(n.value, n.unicode) : n.value}`,
          })),
        ]}
        onAdd={(type, input) => {
          const checked = checkAltName(type, input);
          if (!checked.ok) return checked.error;
          if (draft.altNames.some((n) => n.type === type && n.value === checked.value)) {
            return `${checked.value} is already an alternative name.`;
          }
          const name = checked.unicode
            ? { type, value: checked.value, unicode: checked.unicode }
            : { type, value: checked.value };
          update((d) => ({ ...d, altNames: [...d.altNames, name] }));
          return null;
        }}
        onRemove={(keys) => update((d) => ({ ...d, altNames: d.altNames.filter((_, i) => !keys.includes(String(i))) }))}
        note={
          implied && (
            <p className="hint" role="note">
              {SUBJECT_IN_SAN}: {implied.value} is added to the request for you.
            </p>
          )
        }
      />
    </>
  );
}
