import { describe, expect, it } from "vitest";

import { readImportFile } from "./read-import-file";

const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "Navn;CPR-nummer;Fødselsdato;Køn;E-mail;Telefon;Ramt side;Fysioterapeutens e-mail";

describe("readImportFile", () => {
  it("reads Danish Excel's CSV UTF-8: a BOM, semicolons, CRLF, quoted fields", () => {
    const file = readImportFile(
      utf8(
        `\uFEFF${HEADER}\r\nSøren Ærø;160577-1234;;Mand;;;Venstre;fysio@demo.dk\r\n"Hansen; Lise";;1980-02-29;K;;;begge;fysio@demo.dk\r\n`,
      ),
    );
    expect(file).toMatchObject({
      ok: true,
      rows: [
        {
          line: 2,
          values: {
            name: "Søren Ærø",
            cpr: "160577-1234",
            sex: "Mand",
            affectedSide: "Venstre",
            clinicianEmail: "fysio@demo.dk",
          },
          extraFields: false,
        },
        { line: 3, values: { name: "Hansen; Lise", dateOfBirth: "1980-02-29", sex: "K", affectedSide: "begge" } },
      ],
    });
  });

  it("takes English headers in any case and commas, and skips blank lines while counting them", () => {
    const file = readImportFile(
      utf8("name,date of birth,SEX,affected side,physiotherapist email\n\nAnn Lee,1990-01-02,female,left,a@b.dk\n"),
    );
    expect(file).toMatchObject({
      ok: true,
      rows: [{ line: 3, values: { name: "Ann Lee", dateOfBirth: "1990-01-02", sex: "female" } }],
    });
  });

  it("counts a line break inside a quoted field, so later rows keep their line in the file", () => {
    const file = readImportFile(
      utf8(`${HEADER}\n"Anna\nBerg";;1970-01-01;K;;;V;a@b.dk\nBo Berg;;1971-01-01;M;;;H;a@b.dk\n`),
    );
    expect(file.ok && file.rows.map((row) => row.line)).toEqual([2, 4]);
  });

  it("refuses a file in another encoding, an empty file, unknown or missing columns, and an unclosed quote", () => {
    expect(readImportFile(new Uint8Array([0x4e, 0x61, 0x76, 0x6e, 0x3b, 0x53, 0xf8, 0x72, 0x65, 0x6e]))).toEqual({
      ok: false,
      problem: { code: "notUtf8" },
    });
    expect(readImportFile(utf8("\uFEFF \r\n"))).toEqual({ ok: false, problem: { code: "empty" } });
    expect(readImportFile(utf8("Navn;Alder;Køn;Ramt side;Fysioterapeutens e-mail\n"))).toEqual({
      ok: false,
      problem: { code: "unknownColumns", headers: ["Alder"] },
    });
    expect(readImportFile(utf8("Navn;Køn\n"))).toEqual({
      ok: false,
      problem: { code: "missingColumns", columns: ["affectedSide", "clinicianEmail", "dateOfBirth"] },
    });
    expect(readImportFile(utf8(`${HEADER}\nA;;1970-01-01;K;;;V;a@b.dk\n"B;;1970-01-01;K;;;V;a@b.dk\n`))).toEqual({
      ok: false,
      problem: { code: "unreadable", line: 3 },
    });
  });

  it("marks a row with more fields than headers", () => {
    const file = readImportFile(utf8(`${HEADER}\nHansen; Lise;;1980-02-29;K;;;begge;a@b.dk\n`));
    expect(file.ok && file.rows[0]!.extraFields).toBe(true);
  });
});
