/**
 * Property test for the PowerShell the Windows Server profiles write: with a hostile friendly name, every
 * command line, read as PowerShell reads single-quoted strings (about_Quoting_Rules: any of ' ‘ ’ ‚ ‛ opens and
 * closes one, two in a row stand for one), is exactly the intended words, the friendly name coming back whole
 * as one argument and nothing else run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { blankPlan, friendlyNameProblem, type RequestPlan } from "../../request";
import { adfs } from "../adfs";
import { officeOnlineServer as oos } from "../office-online-server";

const QUOTES = "'\u2018\u2019\u201A\u201B";
/** One character that opens or closes a single-quoted string (why not QUOTES.includes: "" is in every string). */
const isQuote = (c: string | undefined) => c !== undefined && c.length === 1 && QUOTES.includes(c);
const NASTY = [
  ..."'\u2018\u2019\u201A\u201B\"`$;&|(){}[]<>#@% \\",
  "$(calc)",
  "`n",
  "${env:PATH}",
  "'; Remove-Item C:\\ -Recurse; '",
];
const hostile = fc
  .array(fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: "grapheme-ascii", maxLength: 3 })), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(""))
  .filter((name) => name.trim() === name && name !== "" && friendlyNameProblem(name) === null);

/** The words of one line of PowerShell: bare words split at spaces, single-quoted strings decoded. */
function words(line: string): { text: string; quoted: boolean }[] {
  const out: { text: string; quoted: boolean }[] = [];
  let i = 0;
  while (i < line.length) {
    if (line[i] === " ") {
      i++;
    } else if (isQuote(line[i])) {
      let text = "";
      for (i++; ; i++) {
        if (i >= line.length) throw new Error(`unterminated string in ${line}`);
        if (isQuote(line[i])) {
          if (isQuote(line[i + 1])) text += line[++i];
          else break;
        } else text += line[i];
      }
      i++;
      out.push({ text, quoted: true });
    } else {
      let text = "";
      while (i < line.length && line[i] !== " " && !isQuote(line[i])) text += line[i++];
      out.push({ text, quoted: false });
    }
  }
  return out;
}

const quotedArguments = (command: string) =>
  command.split("\n").flatMap((line) =>
    words(line)
      .filter((w) => w.quoted)
      .map((w) => w.text),
  );

describe("PowerShell of the Windows Server profiles with hostile friendly names", () => {
  it("New-OfficeWebAppsFarm -CertificateName receives the friendly name whole, as one argument", () => {
    fc.assert(
      fc.property(hostile, (friendlyName) => {
        const plan = oos.plan({ ...oos.example(), friendlyName });
        const request = oos.apply(blankPlan(), plan);
        const farm = oos.nextSteps(plan, request).at(-1)!.command!.split("\n")[1]!;
        expect(words(farm)).toEqual([
          { text: "New-OfficeWebAppsFarm", quoted: false },
          { text: "-InternalUrl", quoted: false },
          { text: "https://server.contoso.com", quoted: true },
          { text: "-ExternalUrl", quoted: false },
          { text: "https://wacweb01.contoso.com", quoted: true },
          { text: "-CertificateName", quoted: false },
          { text: friendlyName, quoted: true },
          { text: "-EditingEnabled", quoted: false },
        ]);
      }),
    );
  });

  it("the AD FS thumbprint look-up compares with the friendly name whole, and every bare word is a known one", () => {
    const bare = new Set(
      "$password = Read-Host -AsSecureString -Prompt Import-PfxCertificate -FilePath (Join-Path $PWD ) -CertStoreLocation Cert:\\LocalMachine\\My -Exportable -Password $thumbprint (Get-ChildItem -Path | Where-Object FriendlyName -EQ Sort-Object -Property NotAfter -Descending Select-Object -First 1).Thumbprint Set-AdfsAlternateTlsClientBinding -Thumbprint Set-WebApplicationProxySslCertificate".split(
        " ",
      ),
    );
    fc.assert(
      fc.property(hostile, (friendlyName) => {
        const plan = adfs.plan(adfs.example());
        const request: RequestPlan = { ...adfs.apply(blankPlan(), plan), friendlyName };
        for (const step of adfs.nextSteps(plan, request)) {
          const command = step.command!;
          for (const line of command.split("\n"))
            for (const w of words(line).filter((x) => !x.quoted)) expect(bare).toContain(w.text);
          if (command.includes("Where-Object")) expect(quotedArguments(command)).toEqual([friendlyName]);
        }
      }),
    );
  });
});
