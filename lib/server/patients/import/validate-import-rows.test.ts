import { describe, expect, it } from "vitest";

import { readImportFile } from "./read-import-file";
import { isoFromFileDate, validateImportRows } from "./validate-import-rows";

const HEADER = "Navn;CPR-nummer;Fødselsdato;Køn;E-mail;Telefon;Ramt side;Fysioterapeutens e-mail";
const CLINICIAN = "9a1e0f4c-6b1d-4c6e-8f43-2f5b1d9e7a10";
const context = {
  clinicianIds: new Map([["fysio@demo.dk", CLINICIAN]]),
  today: () => new Date("2026-12-02T00:00:00Z"),
};
const validate = (lines: string[]) => {
  const file = readImportFile(new TextEncoder().encode([HEADER, ...lines].join("\r\n")));
  if (!file.ok) throw new Error(file.problem.code);
  return validateImportRows(file.rows, context);
};

describe("validateImportRows", () => {
  it("reads Danish dates, words for sex and side, the physiotherapist by e-mail, and the birth date from a CPR number", () => {
    const { valid, errors } = validate([
      "Søren Ærø;160577-1234;;Mand;;;Venstre;FYSIO@demo.dk",
      "Lise Hansen;;29.02.1980;k;lise@example.dk;;begge;fysio@demo.dk",
    ]);
    expect(errors).toEqual([]);
    expect(
      valid.map(({ line, input }) => [
        line,
        input.name,
        input.dateOfBirth.toISOString().slice(0, 10),
        input.sex,
        input.affectedSide,
        input.clinicianId,
        input.cpr?.digits ?? null,
      ]),
    ).toEqual([
      [2, "Søren Ærø", "1977-05-16", "MALE", "LEFT", CLINICIAN, "1605771234"],
      [3, "Lise Hansen", "1980-02-29", "FEMALE", "BOTH", CLINICIAN, null],
    ]);
  });

  it("names each error's line and column and keeps no row of a file with errors out of the count", () => {
    const { valid, errors } = validate([
      "Ok Patient;;1970-01-01;K;;;V;fysio@demo.dk",
      ";310275-1234;;X;;;op;ukendt@demo.dk",
      "Bo Berg;160577-1234;1977-05-17;M;ikke en mail;;H;fysio@demo.dk",
      "Ida Ibsen;;2099-01-01;K;;;V;",
    ]);
    expect(valid.map((row) => row.line)).toEqual([2]);
    expect(errors).toEqual([
      { line: 3, column: "clinicianEmail", code: "unknownClinician" },
      { line: 3, column: "name", code: "required" },
      { line: 3, column: "cpr", code: "invalidCprDate" },
      { line: 3, column: "dateOfBirth", code: "required" },
      { line: 3, column: "sex", code: "invalidChoice" },
      { line: 3, column: "affectedSide", code: "invalidChoice" },
      { line: 4, column: "email", code: "invalidEmail" },
      { line: 4, column: "cpr", code: "cprBirthDateMismatch" },
      { line: 5, column: "dateOfBirth", code: "futureDate" },
      { line: 5, column: "clinicianEmail", code: "required" },
    ]);
    // A CPR number that disagrees with the birth date, once the rest is right.
    expect(validate(["Bo Berg;160577-1234;1977-05-17;M;;;H;fysio@demo.dk"]).errors).toEqual([
      { line: 2, column: "cpr", code: "cprBirthDateMismatch" },
    ]);
  });

  it("finds the same patient twice in a file, by CPR number or by name and birth date", () => {
    const { errors } = validate([
      "Bo Berg;160577-1234;;M;;;H;fysio@demo.dk",
      "Bo B. Berg;1605771234;;M;;;H;fysio@demo.dk",
      "Ann Lee;;1990-01-02;K;;;V;fysio@demo.dk",
      "ann lee;;02-01-1990;K;;;V;fysio@demo.dk",
    ]);
    expect(errors).toEqual([
      { line: 3, column: "cpr", code: "duplicateInFile" },
      { line: 5, column: "name", code: "duplicateInFile" },
    ]);
  });

  it("turns DD-MM-YYYY, DD.MM.YYYY and DD/MM/YYYY into YYYY-MM-DD and leaves anything else for the schema", () => {
    expect(["16-05-1977", "1.2.1980", "01/02/1980", "1980-02-01", "16 maj 1977"].map(isoFromFileDate)).toEqual([
      "1977-05-16",
      "1980-02-01",
      "1980-02-01",
      "1980-02-01",
      "16 maj 1977",
    ]);
  });
});
