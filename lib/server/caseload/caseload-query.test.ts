import { describe, expect, it } from "vitest";

import { caseloadSearch, DEFAULT_QUERY, parseCaseloadQuery } from "./caseload-query";

describe("caseload query", () => {
  it("defaults to my active patients by name, page 1", () => {
    expect(DEFAULT_QUERY).toEqual({
      view: "all",
      archived: "no",
      scope: "mine",
      sort: "name",
      dir: "asc",
      status: "ACTIVE",
      page: 1,
    });
  });

  it("reads a full view from the URL", () => {
    expect(
      parseCaseloadQuery({
        view: "attention",
        scope: "clinic",
        sort: "pain",
        dir: "desc",
        status: "PAUSED",
        clinician: "3f2b6c1e-8a4d-4e1f-9b2a-1c3d5e7f9a0b",
        severity: "high",
        program: "HSR",
        q: " Hansen ",
        page: "3",
      }),
    ).toEqual({
      view: "attention",
      archived: "no",
      scope: "clinic",
      sort: "pain",
      dir: "desc",
      status: "PAUSED",
      clinician: "3f2b6c1e-8a4d-4e1f-9b2a-1c3d5e7f9a0b",
      severity: "high",
      program: "HSR",
      q: "Hansen",
      page: 3,
    });
  });

  it.each([
    ["an unknown sort column", { sort: "password" }],
    ["a negative page", { page: "-4" }],
    ["a huge page", { page: "99999999999" }],
    ["a page that is not a number", { page: "two" }],
    ["a malformed clinician id", { clinician: "'; drop table" }],
    ["an unknown severity", { severity: "catastrophic" }],
    ["an unknown status", { status: "deleted" }],
    ["a search that is too long", { q: "x".repeat(500) }],
  ])("falls back to the default for %s", (_case, params) => {
    expect(parseCaseloadQuery(params)).toEqual(DEFAULT_QUERY);
  });

  it("keeps the good parameters when one is bad", () => {
    expect(parseCaseloadQuery({ sort: "pain", dir: "sideways" })).toMatchObject({ sort: "pain", dir: "asc" });
  });

  it("takes the first of repeated parameters", () => {
    expect(parseCaseloadQuery({ sort: ["pain", "age"] }).sort).toBe("pain");
  });

  it("writes only what differs from the default, and round-trips", () => {
    expect(caseloadSearch(DEFAULT_QUERY)).toBe("");
    const query = parseCaseloadQuery({ sort: "pain", dir: "desc", page: "2" });
    const search = caseloadSearch(query);
    expect(search).toBe("?sort=pain&dir=desc&page=2");
    expect(parseCaseloadQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual(query);
    expect(caseloadSearch(query, { page: 1 })).toBe("?sort=pain&dir=desc");
  });

  it("keeps the search and the optional filters in every link (sorting, paging, export)", () => {
    const query = parseCaseloadQuery({
      q: "Hansen",
      severity: "high",
      program: "HSR",
      clinician: "3f2b6c1e-8a4d-4e1f-9b2a-1c3d5e7f9a0b",
    });
    const search = caseloadSearch(query, { sort: "pain", page: 2 });
    expect(parseCaseloadQuery(Object.fromEntries(new URLSearchParams(search)))).toEqual({
      ...query,
      sort: "pain",
      page: 2,
    });
  });
});
