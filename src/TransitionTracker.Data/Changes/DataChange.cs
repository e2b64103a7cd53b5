namespace TransitionTracker.Data.Changes;

/// <summary>
/// What one committed save changed, as open pages need to know it (docs/architecture.md, "Live updates"): the kinds of
/// record (entity type names), the consortia and the PCTs they belong to, and the users the records addressed to one
/// user (notifications) are for. <see cref="Everything"/> stands for "anything may have changed" (a signal that was
/// lost and caught up on, or a bulk load).
/// </summary>
public sealed record DataChange(IReadOnlySet<string> Kinds, IReadOnlySet<string> Consortia, IReadOnlySet<string> Pcts)
{
    /// <summary>Anything may have changed: every open page reads again.</summary>
    public static readonly DataChange Everything = new(new HashSet<string>(), new HashSet<string>(), new HashSet<string>()) { IsEverything = true };

    public bool IsEverything { get; private init; }

    /// <summary>
    /// Only a draft checklist's own edits (its answers, or the draft itself, and it still a draft): pages that show
    /// submitted assessments only are not changed by it (the same rule as the read cache's region stamps).
    /// </summary>
    public bool DraftsOnly { get; init; }

    /// <summary>
    /// The users whose own records (notifications) changed, or null when that is not known (a signal too long to list
    /// them): then every user's may have.
    /// </summary>
    public IReadOnlySet<string>? Recipients { get; init; }

    /// <summary>A change to a record addressed to this user (a notification of theirs), or possibly so.</summary>
    public bool Addresses(string userId) => IsEverything || Recipients is null || Recipients.Contains(userId);

    /// <summary>A change to a record of the consortium (its own, its assessments, plan, members, actions…).</summary>
    public bool Touches(string consortiumCode) => IsEverything || Consortia.Contains(consortiumCode);

    /// <summary>A change to a record of any of these consortia or PCTs.</summary>
    public bool TouchesAny(IEnumerable<string> consortia, IEnumerable<string> pcts) =>
        IsEverything || consortia.Any(Consortia.Contains) || pcts.Any(Pcts.Contains);

    /// <summary>A change to a record of the given kind (an entity type name).</summary>
    public bool Includes(string kind) => IsEverything || Kinds.Contains(kind);

    /// <summary>Both changes as one (for signals that arrive in a burst).</summary>
    public DataChange With(DataChange other) =>
        IsEverything || other.IsEverything
            ? Everything
            : new DataChange(Union(Kinds, other.Kinds), Union(Consortia, other.Consortia), Union(Pcts, other.Pcts))
            {
                DraftsOnly = DraftsOnly && other.DraftsOnly,
                Recipients = Recipients is null || other.Recipients is null ? null : Union(Recipients, other.Recipients),
            };

    private static HashSet<string> Union(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var union = new HashSet<string>(a, StringComparer.Ordinal);
        union.UnionWith(b);
        return union;
    }
}
