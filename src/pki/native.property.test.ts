/**
 * Property tests for the three grammars the page writes for someone to run, with hostile strings in every
 * field: the OpenSSL config, run by `openssl req`, gives the wizard's own request byte for byte; the INF,
 * parsed, gives back every value (or is refused with a reason); the commands, run by bash with stand-in
 * `openssl` and `certreq` programs that record their arguments, pass exactly the intended arguments and run
 * nothing else.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseInf, parseX500 } from "../../test/helpers/inf";
import { fixedRsaPair, hex } from "../../test/helpers/vectors";
import { createPkcs10 } from "./csr";
import {
  checkAltName,
  checkSubjectPart,
  effectiveAltNames,
  formatDirectoryName,
  type AltName,
  type SubjectPart,
} from "./names";
import {
  certreqCommands,
  certreqInf,
  commandLine,
  guidHex,
  infString,
  NativeRequestError,
  opensslCommands,
  opensslConfig,
  shellWord,
} from "./native";
import { reverseProxyPlan, type RequestPlan } from "./request";

/** What breaks shells, configs and INF files: quotes, escapes, expansions, separators, comments, line breaks. */
const NASTY = [
  ..."$#\"'\\;&`=,+{}()|<>*?!~%[]^ \n\r\t",
  "$(touch PWNED)",
  "`touch PWNED`",
  "${HOME}",
  "ü",
  "日本",
  "€",
];
const nasty = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme-ascii", maxLength: 3 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(""));

/** A hostile value as the page would have accepted it for a subject type, or null where the page refuses it. */
const subjectPart = (type: SubjectPart["type"], value: string): SubjectPart | null => {
  const checked = checkSubjectPart(type, value);
  return checked.ok ? { type, value: checked.value } : null;
};
const altName = (type: AltName["type"], value: string): AltName | null => {
  const checked = checkAltName(type, value);
  return checked.ok ? { type, value: checked.value } : null;
};

/** The article's request with hostile text in every field that takes text. */
const hostilePlan = fc
  .record({
    cn: nasty,
    o: nasty,
    ou: nasty,
    l: nasty,
    st: nasty,
    e: nasty,
    path: nasty,
    local: nasty,
    upn: nasty,
    dn: nasty,
    name: nasty,
    guid: fc.uuid(),
  })
  .map((h): RequestPlan => ({
    ...reverseProxyPlan(),
    friendlyName: h.name,
    output: { fileName: h.name, format: "base64" },
    subject: [
      subjectPart("CN", h.cn) ?? { type: "CN" as const, value: "webext.contoso.com" },
      subjectPart("O", h.o),
      subjectPart("OU", h.ou),
      subjectPart("L", h.l),
      subjectPart("ST", h.st),
      subjectPart("E", `${h.e.replace(/\s/g, "")}@contoso.com`),
    ].filter((p): p is SubjectPart => p !== null),
    altNames: [
      { type: "dns", value: "meet.contoso.com" },
      altName("url", `https://meet.contoso.com/${h.path}`),
      altName("email", `${h.local.replace(/\s/g, "")}@contoso.com`),
      altName("upn", `${h.upn}@contoso.com`),
      altName("dn", formatDirectoryName([{ type: "O", value: h.dn.trim() || "x" }])),
      altName("guid", h.guid),
    ].filter((n): n is AltName => n !== null),
  }));

/** The SAN keywords of Microsoft's certreq reference ([Extensions]), as the INF writes them. */
const INF_KEYWORD: Record<string, string> = {
  dns: "dns",
  ipv4: "ipaddress",
  ipv6: "ipaddress",
  email: "email",
  url: "url",
  upn: "upn",
  dn: "DirectoryName",
};

const RUNS = { numRuns: 40 };
const KEY = "test/vectors/rsa2048.pk8.pem";

describe("opensslConfig with hostile values", () => {
  it("gives, through openssl req, the wizard's own request byte for byte", async () => {
    const keys = await fixedRsaPair();
    const dir = mkdtempSync(join(tmpdir(), "cnf-"));
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(hostilePlan, async (plan) => {
        const plain = { ...plan, friendlyName: "" };
        let config: string;
        try {
          config = opensslConfig(plain);
        } catch (e) {
          // Refused only where openssl cannot write the value: non-ASCII in a directory name.
          expect(e).toBeInstanceOf(NativeRequestError);
          expect(plan.altNames.some((n) => n.type === "dn" && /[^\p{ASCII}]/u.test(n.value))).toBe(true);
          return;
        }
        writeFileSync(join(dir, "r.cnf"), config);
        const run = spawnSync("openssl", [
          "req",
          "-new",
          "-key",
          KEY,
          "-config",
          join(dir, "r.cnf"),
          "-outform",
          "DER",
        ]);
        expect(run.status, run.stderr.toString()).toBe(0);
        expect(hex(run.stdout)).toBe(hex(await createPkcs10({ plan: plain, keys })));
        checked++;
      }),
      RUNS,
    );
    // Guard: most requests were really written and compared, not refused.
    expect(checked).toBeGreaterThan(RUNS.numRuns / 2);
  });

  it("refuses a line break instead of writing it, so no value can add a config line", () => {
    const plan = { ...reverseProxyPlan(), subject: [{ type: "O" as const, value: "Proxy\n[req]\nencrypt_key = no" }] };
    expect(() => opensslConfig(plan)).toThrow(NativeRequestError);
    expect(opensslConfig({ ...reverseProxyPlan(), friendlyName: "Proxy\n[req]\nencrypt_key = no\n#" })).not.toContain(
      "encrypt_key",
    );
  });

  it("makes a request for an empty subject, with -subj /", () => {
    const dir = mkdtempSync(join(tmpdir(), "cnf-"));
    const plan: RequestPlan = { ...reverseProxyPlan(), subject: [] };
    writeFileSync(join(dir, "r.cnf"), opensslConfig(plan));
    const req = opensslCommands(plan)[1]!;
    expect(req.args).toEqual(expect.arrayContaining(["-subj", "/"]));
    const out = execFileSync("openssl", [
      "req",
      "-new",
      "-key",
      KEY,
      "-config",
      join(dir, "r.cnf"),
      "-subj",
      "/",
      "-noout",
      "-text",
    ]).toString();
    expect(out).toMatch(/X509v3 Subject Alternative Name: critical/);
  });
});

describe("certreqInf with hostile values", () => {
  it("gives back every value when parsed, or refuses the plan with a reason", () => {
    let written = 0;
    fc.assert(
      fc.property(hostilePlan, (plan) => {
        let text: string;
        try {
          text = certreqInf(plan);
        } catch (e) {
          expect(e).toBeInstanceOf(NativeRequestError);
          const reason = (e as Error).message;
          // Refused only for what the INF grammar cannot carry: a line break or control character, or "&" in a name.
          expect(/[\p{Cc}]/u.test(plan.friendlyName) || plan.altNames.some((n) => n.value.includes("&"))).toBe(true);
          expect(reason.length).toBeGreaterThan(30);
          return;
        }
        written++;
        const inf = parseInf(text);
        expect(inf.NewRequest!.FriendlyName ?? "").toBe(plan.friendlyName);
        expect(parseX500(inf.NewRequest!.Subject!).map((p) => p.value)).toEqual(plan.subject.map((p) => p.value));
        const san = inf.Extensions!["2.5.29.17"]!.replace(/^\{text\}/, "").split("&");
        // Each name under a keyword the certreq reference documents, a GUID as its other name's 16 bytes.
        const names = effectiveAltNames(plan.subject, plan.altNames).map((n) =>
          n.type === "guid"
            ? `1.3.6.1.4.1.311.25.1={octet}{hex}${guidHex(n.value).match(/../g)!.join(" ")}`
            : `${INF_KEYWORD[n.type]}=${n.value}`,
        );
        expect(san).toEqual(names);
      }),
      { numRuns: 300 },
    );
    expect(written).toBeGreaterThan(20);
  });
});

describe("infString, the INF value escaper", () => {
  it("gives back any text without a line break or control character, and refuses the rest", () => {
    let kept = 0;
    fc.assert(
      fc.property(fc.oneof(nasty, fc.string({ unit: "binary", maxLength: 30 })), (value) => {
        let line: string;
        try {
          line = `K = ${infString(value)}`;
        } catch (e) {
          expect(e).toBeInstanceOf(NativeRequestError);
          expect(value).toMatch(/[\p{Cc}\u2028\u2029]/u);
          return;
        }
        kept++;
        // One line, no lone "%" (a %strkey% token): the parser refuses both, and must give the text back.
        expect(line).not.toMatch(/[\r\n\u2028\u2029]/);
        expect(line.replace(/%%/g, "")).not.toContain("%");
        expect(parseInf(`[S]\r\n${line}\r\n`).S!.K).toBe(value);
      }),
      { numRuns: 500 },
    );
    expect(kept).toBeGreaterThan(100);
  });
});

/** Runs the shown command lines in bash, with openssl and certreq standing in, and returns what each received. */
function runInBash(lines: string[]): { calls: string[][]; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), "sh-"));
  const bin = join(dir, "bin");
  const work = join(dir, "work");
  mkdirSync(bin);
  mkdirSync(work);
  const log = join(dir, "calls.log");
  for (const program of ["openssl", "certreq"]) {
    writeFileSync(
      join(bin, program),
      `#!/bin/sh\nprintf '%s\\0' ${program} "$@" >> '${log}'\nprintf '\\036\\0' >> '${log}'\n`,
    );
    chmodSync(join(bin, program), 0o755);
  }
  writeFileSync(log, "");
  const run = spawnSync("bash", ["-c", lines.join("\n")], { cwd: work, env: { PATH: `${bin}:/usr/bin:/bin` } });
  expect(run.status, run.stderr.toString()).toBe(0);
  const calls = readFileSync(log, "utf8")
    .split("\u001e\0")
    .filter(Boolean)
    .map((call) => call.split("\0").filter((_, i, all) => i < all.length - 1));
  return { calls, files: readdirSync(work) };
}

describe("the commands the page shows, run by bash", () => {
  it("pass exactly the intended arguments and run nothing else", () => {
    fc.assert(
      fc.property(hostilePlan, (plan) => {
        const commands = [...certreqCommands(plan), ...opensslCommands(plan)];
        const { calls, files } = runInBash(commands.map(commandLine));
        expect(calls).toEqual(commands.map((c) => [c.program, ...c.args]));
        expect(files).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it("quote any word so that bash passes it through unchanged", () => {
    fc.assert(
      fc.property(fc.oneof(nasty, fc.string({ unit: "grapheme", maxLength: 20 })), (word) => {
        fc.pre(!word.includes("\0"));
        const run = spawnSync("bash", ["-c", `printf '%s' ${shellWord(word)}`], { encoding: "utf8" });
        expect(run.stdout).toBe(word);
      }),
      { numRuns: 200 },
    );
  });
});
