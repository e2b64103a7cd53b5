namespace TransitionTracker.Domain.Evidence;

/// <summary>The kinds of file that may be attached to an answer as evidence, each recognised by its content (<see cref="EvidenceFileTypes"/>).</summary>
public enum EvidenceFileType
{
    Pdf,
    Word,
    WordLegacy,
    Excel,
    ExcelLegacy,
    Png,
    Jpeg,
}
