using System.Text.Json;
using TransitionTracker.Domain.Assessments;
using TransitionTracker.Domain.Lessons;
using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.SupportActions;
using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Changes;

/// <summary>
/// What the changes list shows: a quick search (who made the change, what kind of record it was, or a value it
/// recorded), a kind of change to filter by, newest or oldest first, and the page, read from the values the query
/// string carries (q, kind, order; the page is read apart, as a page that does not exist is "not found"). Values that
/// cannot be used are dropped, each with a note saying so.
/// </summary>
public sealed record ChangeListQuery(string? Search = null, ChangeKind? Kind = null, bool OldestFirst = false, int Page = 1)
{
    public const int LongestSearch = 100;

    public const string NewestKey = "newest";

    public const string OldestKey = "oldest";

    /// <summary>Each kind of change: its key in the query string, its name, and the records (entity types) it covers.</summary>
    public static readonly IReadOnlyList<ChangeKindInfo> Kinds =
    [
        new("assessments", ChangeKind.Assessments, "Assessments", [nameof(Assessment), nameof(AssessmentResponse), nameof(Domain.Evidence.EvidenceAttachment)]),
        new("track-decisions", ChangeKind.TrackDecisions, "Track decisions", [nameof(TrackDecision)]),
        new("support-actions", ChangeKind.SupportActions, "Support actions", [nameof(SupportAction)]),
        new("plan", ChangeKind.Plan, "Transition plan", [nameof(PlannedFunction), nameof(Milestone), nameof(StaffTransfer)]),
        new("register", ChangeKind.Register, "Conflicts of interest register", [nameof(DeclaredInterest)]),
        new("lessons", ChangeKind.Lessons, "Lessons", [nameof(Lesson)]),
        new("consortium", ChangeKind.Consortium, "Consortium and members", [nameof(Consortium), nameof(ConsortiumMembership), nameof(ConsortiumPct)]),
    ];

    public bool IsFiltered => !string.IsNullOrEmpty(Search) || Kind is not null;

    public static ChangeKindInfo InfoOf(ChangeKind kind) => Kinds.Single(k => k.Kind == kind);

    public static (ChangeListQuery Query, IReadOnlyList<string> Notes) Parse(string? search, string? kind, string? order)
    {
        var notes = new List<string>();
        var query = new ChangeListQuery();
        if (TransitionTracker.Application.Search.SearchTerm.ForList(search, LongestSearch, "a change", "change", notes) is { } text)
        {
            query = query with { Search = text };
        }

        if (!string.IsNullOrWhiteSpace(kind))
        {
            var key = kind.Trim().ToLowerInvariant();
            if (Kinds.FirstOrDefault(k => k.Key == key) is { } found)
            {
                query = query with { Kind = found.Kind };
            }
            else
            {
                notes.Add($"“{kind}” is not a kind of change ({string.Join(", ", Kinds.Select(k => k.Key))}), so changes of every kind are shown.");
            }
        }

        if (!string.IsNullOrWhiteSpace(order))
        {
            switch (order.Trim().ToLowerInvariant())
            {
                case NewestKey:
                    break;
                case OldestKey:
                    query = query with { OldestFirst = true };
                    break;
                default:
                    notes.Add($"“{order}” is not an order (newest or oldest), so the newest changes are shown first.");
                    break;
            }
        }

        return (query, notes);
    }

    /// <summary>
    /// The search as it appears in the stored values: they are kept as JSON, which escapes some characters (an
    /// apostrophe, a non-English letter), so the text is escaped the same way before it is looked for.
    /// </summary>
    internal static string AsStored(string search)
    {
        var json = JsonSerializer.Serialize(search, JsonSerializerOptions.Web);
        return json[1..^1];
    }
}

/// <summary>The kinds of record a consortium's changes are about, to filter the list by.</summary>
public enum ChangeKind
{
    Assessments,
    TrackDecisions,
    SupportActions,
    Plan,
    Register,
    Lessons,
    Consortium,
}

/// <summary>One kind of change: its key in the query string, its name for people, and the entity types it covers.</summary>
public sealed record ChangeKindInfo(string Key, ChangeKind Kind, string Name, IReadOnlyList<string> EntityTypes);
