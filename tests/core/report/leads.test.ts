/** Lead responsibilities grouped (leads.ts): split, keyed, joined where one is the other with more words. */
import { displayName, groupLeadKeys, leadKey, splitLeads, tidyLead } from "../../../src/core/report";

describe("leads", () => {
  test("a joint lead split into its leads, first first", () => {
    expect(splitLeads("DA Strategy Co-ordinator/ new post DVA CYP co-ordinator (0.6 FTE)")).toEqual(["DA Strategy Co-ordinator", "new post DVA CYP co-ordinator (0.6 FTE)"]);
    expect(splitLeads("Peter Anderson, Crime Reduction Manager, to liaise with Nick Hooper, Housing.")).toEqual(["Peter Anderson, Crime Reduction Manager", "Nick Hooper, Housing"]);
    expect(splitLeads("Director, N & HS or Community Safety Manager")).toEqual(["Director, N & HS", "Community Safety Manager"]);
    expect(splitLeads("Head of Service and/or Deputy")).toEqual(["Head of Service", "Deputy"]);
    // "with" and "&" inside a lead are no joint
    expect(splitLeads("Designated Manager with responsibility for records")).toEqual(["Designated Manager with responsibility for records"]);
    expect(splitLeads("CYP & Parenting group")).toEqual(["CYP & Parenting group"]);
    expect(splitLeads("")).toEqual([]);
  });

  test("tidied of spacing and trailing punctuation; keyed without case, punctuation or short forms", () => {
    expect(tidyLead("  Ann   Smith. ")).toBe("Ann Smith");
    expect(leadKey("Asst. Director of Public Health (PCT)")).toBe("assistant director of public health");
    expect(leadKey("DA Strategy Coordinator")).toBe(leadKey("DA strategy co-ordinator."));
    expect(leadKey("New CYP & Parenting DVA working gp?")).toBe("new cyp & parenting dva working group");
  });

  test("a lead of three words or more within a longer one is that lead; shorter leads are matched whole", () => {
    const groups = groupLeadKeys(["new cyp & parenting dva working group", "chair new dva cyp & parenting working group", "director", "director n & hs", "dv co-ordinator", "da strategy co-ordinator"]);
    expect(groups.get("chair new dva cyp & parenting working group")).toBe("new cyp & parenting dva working group");
    expect(groups.get("director n & hs")).toBe("director n & hs");
    expect(groups.get("dv co-ordinator")).toBe("dv co-ordinator");
    expect(groups.get("da strategy co-ordinator")).toBe("da strategy co-ordinator");
  });

  test("a group is shown as most often written, the shorter on a tie", () => {
    expect(displayName(["Ann Smith.", "Ann Smith", "Ann Smith", "ANN SMITH"])).toBe("Ann Smith");
    expect(displayName(["Chair, new group", "New group"])).toBe("New group");
  });
});
