namespace TransitionTracker.Application.Search;

/// <summary>
/// What someone typed into the global search, made ready to compare: runs of white space as one space, at most
/// <see cref="MaximumLength"/> characters, upper-cased as the names it is compared with are in the query.
/// </summary>
/// <param name="Text">The upper-cased text: a code equal to it or starting with it matches, and so does a name containing it.</param>
/// <param name="Words">
/// The text with the characters that separate words in names besides spaces ("Stockton-On-Tees", "ST.MARY'S", "A/B",
/// "(Kensington and Chelsea)") as spaces, as <see cref="GlobalSearch"/> treats the names.
/// </param>
internal sealed record SearchTerm(string Text, string Words)
{
    public const int MinimumLength = 2;

    public const int MaximumLength = 100;

    /// <summary>
    /// Typed text as it can be searched for: control characters (a NUL, say) can be in no name or code, and PostgreSQL
    /// refuses a NUL in a query parameter, so they become spaces. Every search box's text passes through here.
    /// </summary>
    public static string Searchable(string? text) =>
        text is null ? "" : string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });

    /// <summary>
    /// A list's quick search as read from the address: null when blank; when longer than <paramref name="longest"/>
    /// characters, null with a note that every item (<paramref name="item"/>, <paramref name="items"/>) is shown.
    /// </summary>
    public static string? ForList(string? search, int longest, string item, string items, ICollection<string> notes)
    {
        if (string.IsNullOrWhiteSpace(search))
        {
            return null;
        }

        var text = Searchable(search).Trim();
        if (text.Length <= longest)
        {
            return text;
        }

        notes.Add($"A search of more than {longest} characters cannot match {item}, so every {items} is shown.");
        return null;
    }

    /// <summary>The term, or null when the text is too short to search for (nothing, white space, one character).</summary>
    public static SearchTerm? TryParse(string? text)
    {
        text = Searchable(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var collapsed = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (collapsed.Length > MaximumLength)
        {
            // Never half of a surrogate pair.
            var cut = char.IsHighSurrogate(collapsed[MaximumLength - 1]) ? MaximumLength - 1 : MaximumLength;
            collapsed = collapsed[..cut].TrimEnd();
        }

        if (collapsed.Length < MinimumLength)
        {
            return null;
        }

        var upper = collapsed.ToUpperInvariant();
        return new SearchTerm(upper, upper.Replace("-", " ").Replace(".", " ").Replace("/", " ").Replace("(", " "));
    }
}
