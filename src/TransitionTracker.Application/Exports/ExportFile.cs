namespace TransitionTracker.Application.Exports;

/// <summary>A file to download: the name to save it as, its content type and its bytes.</summary>
public sealed record ExportFile(string FileName, string ContentType, byte[] Bytes);

/// <summary>
/// An export that could be made (<see cref="File"/>), or, when a filter or sort of the address could not be used, no
/// file and a note for each: a file never holds other rows than the ones asked for.
/// </summary>
public sealed record ExportOutcome(ExportFile? File, IReadOnlyList<string> Notes)
{
    public static ExportOutcome Of(ExportFile file) => new(file, []);

    public static ExportOutcome Refused(IReadOnlyList<string> notes) => new(null, notes);
}
