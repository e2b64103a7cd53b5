using System.Globalization;
using System.Text;
using TransitionTracker.Data.Auditing;

namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>
/// Puts audit entries into words: entity and field names as people say them, values as the pages show them
/// (dates in the UK style, statuses as words, "(empty)" for nothing). Internal bookkeeping fields are left out, and
/// so is stored JSON: it is for the program, and what it holds is told in words elsewhere.
/// </summary>
public static class ChangeWording
{
    public const string Empty = "(empty)";

    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    private static readonly Dictionary<string, string> EntityNames = new(StringComparer.Ordinal)
    {
        ["AssessmentResponse"] = "Assessment answer",
        ["ConsortiumMembership"] = "Practice membership",
        ["ConsortiumPct"] = "Linked PCT",
        ["EvidenceAttachment"] = "Evidence file",
    };

    private static readonly Dictionary<string, string> FieldNames = new(StringComparer.Ordinal)
    {
        ["DueOn"] = "Due date",
        ["Evidence"] = "Evidence note",
        ["Sha256"] = "SHA-256",
        ["Length"] = "Size in bytes",
    };

    // The key is the entry's own; the revision only guards against lost updates; the consortium is the page's.
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "Id", "Revision", "ConsortiumCode" };

    private static readonly HashSet<string> WordValued = new(StringComparer.Ordinal) { "Status", "Stage", "Track" };

    private static readonly HashSet<string> Acronyms = new(StringComparer.OrdinalIgnoreCase) { "PCT", "SHA", "NHS", "QIPP", "RTT", "WCC" };

    public static string Entity(string entityType) =>
        EntityNames.TryGetValue(entityType, out var name) ? name : Words(entityType);

    public static string Action(string action) => action switch
    {
        "Added" => "added",
        "Modified" => "changed",
        "Deleted" => "removed",
        _ => action.ToLowerInvariant(),
    };

    /// <summary>The changed fields of an audit entry (or of a conflict's latest change), in words.</summary>
    public static IReadOnlyList<ChangedField> Fields(IEnumerable<FieldChange> changes) =>
        changes
            .Where(c => !Hidden.Contains(c.Field) && !c.Field.EndsWith("Json", StringComparison.Ordinal))
            .Select(c => new ChangedField(Field(c.Field), Value(c.Field, c.Old), Value(c.Field, c.New)))
            .ToList();

    public static string Field(string name)
    {
        if (FieldNames.TryGetValue(name, out var known))
        {
            return known;
        }

        var trimmed = name.EndsWith("Utc", StringComparison.Ordinal) ? name[..^3] : name;
        trimmed = trimmed.Length > 2 && trimmed.EndsWith("Id", StringComparison.Ordinal) ? trimmed[..^2] : trimmed;
        return Words(trimmed);
    }

    public static string Value(string field, string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return Empty;
        }

        if (field.EndsWith("Utc", StringComparison.Ordinal)
            && DateTime.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
        {
            return UkCalendar.When(at);
        }

        if (raw.Length == 10 && DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToString("d MMMM yyyy", EnGb);
        }

        return WordValued.Contains(field) || field.EndsWith("Track", StringComparison.Ordinal) ? Words(raw.Replace('_', ' ').Replace('-', ' ')) : raw;
    }

    /// <summary>"ConsortiumPct" → "Consortium PCT", "NotStarted" and "not started" → "Not started".</summary>
    public static string Words(string identifier)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < identifier.Length; i++)
        {
            var c = identifier[i];
            var startsWord = char.IsUpper(c) && i > 0 && (char.IsLower(identifier[i - 1]) || char.IsDigit(identifier[i - 1]));
            if (c == ' ' || startsWord)
            {
                if (current.Length > 0)
                {
                    words.Add(current.ToString());
                    current.Clear();
                }

                if (c == ' ')
                {
                    continue;
                }
            }

            current.Append(c);
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return string.Join(' ', words.Select((word, index) =>
            Acronyms.Contains(word) ? word.ToUpperInvariant()
            : index == 0 ? char.ToUpperInvariant(word[0]) + word[1..].ToLowerInvariant()
            : word.ToLowerInvariant()));
    }
}
