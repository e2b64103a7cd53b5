namespace TransitionTracker.Data.Seeding;

/// <summary>One row of shas.csv.</summary>
public sealed record ShaRow(string Code, string Name, string? OnsCode);

/// <summary>One row of pcts.csv.</summary>
public sealed record PctRow(string Code, string Name, string ShaCode, string? OnsCode);

/// <summary>
/// One row of practices.csv, with the PCT resolved: the data leaves it blank where the practice's 2013 CCG had
/// several predecessor PCTs, and for those one is chosen from the candidates (<see cref="ReferenceDataFiles.ChoosePct"/>).
/// </summary>
public sealed record PracticeRow(string Code, string Name, string PctCode, int ListSize, string? CcgCode2013, string PctSource, DateOnly? OpenedOn);

/// <summary>One row of pct_ccg_successors.csv.</summary>
public sealed record CcgSuccessorRow(string PctCode, string CcgCode, string CcgName, double? PctPostcodeSharePercent);
