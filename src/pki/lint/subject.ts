/** Preflight rules on the subject's attributes: OU, country codes, X.520 upper bounds, hidden characters in any name. */
import { SUBJECT_TYPES } from "../names";
import { hasHiddenCharacters, hiddenCharacters, showHiddenCharacters } from "../visible-text";
import { BR, rule } from "./rule";

/** ISO 3166-1 alpha-2 codes (officially assigned), for the Country attribute (RFC 5280 Appendix A, X.520). */
const ISO_3166 = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG " +
    "CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM " +
    "GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC " +
    "LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ " +
    "OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC " +
    "TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

/** An organizational unit, for a public CA. */
export const organizationalUnit = rule({
  id: "organizational-unit",
  check: (f, target) =>
    target === "public" && f.subject.some((p) => p.type === "OU")
      ? [
          {
            id: "organizational-unit",
            severity: "warning",
            message: "Organizational unit is no longer issued by public CAs: they drop it or refuse the request.",
            source: BR("7.1.4.2 (OU prohibited since 2022-09-01)"),
            fix: { id: "remove-ou", label: "Remove the organizational unit" },
            field: "subject",
          },
        ]
      : [],
  fixes: { "remove-ou": (plan) => ({ ...plan, subject: plan.subject.filter((p) => p.type !== "OU") }) },
});

/** A Country that is not an ISO 3166 code. */
export const country = rule({
  id: "country",
  check: (f) =>
    f.subject
      .filter((p) => p.type === "C" && !ISO_3166.has(p.value.toUpperCase()))
      .map((p) => ({
        id: "country",
        severity: "error" as const,
        message: `${p.value} is not an ISO 3166 country code (for the United Kingdom it is GB).`,
        source: `X.520; ${BR("7.1.4.2.2")}`,
        field: "subject" as const,
      })),
});

/** A subject attribute longer than X.520 allows. */
export const upperBounds = rule({
  id: "upper-bounds",
  check: (f) =>
    f.subject.flatMap((p) => {
      const t = SUBJECT_TYPES.find((s) => s.type === p.type);
      return t && [...p.value].length > t.max
        ? [
            {
              id: "upper-bounds",
              severity: "error" as const,
              message: `${t.label} is ${[...p.value].length} characters; X.520 allows at most ${t.max}.`,
              source: "RFC 5280 Appendix A",
              field: "subject" as const,
            },
          ]
        : [];
    }),
});

/** Control, direction or invisible characters in the subject or the alternative names. */
export const hiddenCharactersInNames = rule({
  id: "hidden-characters",
  check: (f) => {
    const values = [...f.subject.map((p) => p.value), ...f.altNames.map((n) => n.value)].filter(hasHiddenCharacters);
    if (values.length === 0) return [];
    const characters = [...new Set(values.flatMap(hiddenCharacters))].join(", ");
    return [
      {
        id: "hidden-characters",
        severity: "error",
        message: `${values.map(showHiddenCharacters).join(", ")}: ${characters} are control, direction or invisible characters, which can make a name read as another. Retype the name without them.`,
        source: "Unicode UTS #39 (confusable and invisible characters)",
        field: "subject",
      },
    ];
  },
});
