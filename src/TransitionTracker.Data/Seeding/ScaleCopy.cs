namespace TransitionTracker.Data.Seeding;

/// <summary>
/// How the <c>generate</c> command's synthetic copies of the demo data are told apart. Copy 0 is the demo data
/// itself; copy k (1 to 99) of consortium <c>00G</c> is <c>00G</c> followed by k in two digits (<c>00G01</c>,
/// <c>00G02</c>, ...), and of practice <c>A81001</c> likewise <c>A8100101</c>, ..., so no copy's code can be a real
/// ODS code (real consortium codes have three characters, practice codes six). Every copy keeps its original's
/// region and PCTs.
/// </summary>
public static class ScaleCopy
{
    public const int MaxScale = 100;

    public static string ConsortiumCode(string code, int copy) => copy == 0 ? code : $"{code}{copy:00}";

    public static string PracticeCode(string code, int copy) => copy == 0 ? code : $"{code}{copy:00}";

    /// <summary>
    /// The longest name, after any "NHS ", that a copy keeps whole: with " locality NN" and " GP commissioning
    /// consortium" its lead's display name ("Lead, ...") still fits in 100 characters, as the longest real one does.
    /// </summary>
    public const int MaxCopiedNameLength = 55;

    /// <summary>
    /// "NHS Leeds North" is copied as "NHS Leeds North locality 2", "NHS Leeds North locality 3", ...; a name longer
    /// than <see cref="MaxCopiedNameLength"/> is cut at a word boundary first.
    /// </summary>
    public static string ConsortiumBaseName(string name, int copy)
    {
        if (copy == 0)
        {
            return name;
        }

        var prefix = name.StartsWith("NHS ", StringComparison.Ordinal) ? "NHS " : string.Empty;
        var bare = name[prefix.Length..];
        if (bare.Length > MaxCopiedNameLength)
        {
            bare = bare[..MaxCopiedNameLength];
            var space = bare.LastIndexOf(' ');
            bare = (space > 0 ? bare[..space] : bare).TrimEnd(' ', ',', '(', '-');
        }

        return $"{prefix}{bare} locality {copy + 1}";
    }

    /// <summary>"THE DENSHAM SURGERY" is copied as "THE DENSHAM SURGERY (BRANCH 2)", ...</summary>
    public static string PracticeName(string name, int copy) => copy == 0 ? name : $"{name} (BRANCH {copy + 1})";

    /// <summary>
    /// At scale N a practice's real list is shared between it and its N - 1 copies, so every PCT, region and the
    /// country keep their real registered population however many copies there are.
    /// </summary>
    public static int ListShare(int listSize, int copy, int scale) => (listSize / scale) + (copy < listSize % scale ? 1 : 0);

    /// <summary>Each copy draws from its own seeded stream, so copy k is the same whichever scale it is generated at.</summary>
    public static int Seed(int seed, int copy) => copy == 0 ? seed : (seed * 1000) + copy;

    /// <summary>The copy a consortium code belongs to, given the demo consortium codes; null when it is neither.</summary>
    public static int? CopyOf(string consortiumCode, IReadOnlySet<string> demoCodes)
    {
        if (demoCodes.Contains(consortiumCode))
        {
            return 0;
        }

        return consortiumCode.Length > 2
            && demoCodes.Contains(consortiumCode[..^2])
            && int.TryParse(consortiumCode[^2..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var copy)
            && copy > 0
                ? copy
                : null;
    }
}
