using TransitionTracker.Data.Changes;

namespace TransitionTracker.Web.Infrastructure.Circuits;

/// <summary>
/// Which saved changes an open page shows (docs/architecture.md, "Live updates"): the page reads again for them while
/// its circuit is live, and they wake it once its circuit is paused while idle. Plain data, so that it can be carried
/// in a wake token (<see cref="LiveWakeTokens"/>) when the circuit is gone.
/// </summary>
public sealed class LiveInterest
{
    private string? _key;

    private LiveInterest(LiveReach reach, IReadOnlyCollection<string> consortia, IReadOnlyCollection<string> pcts, IReadOnlyCollection<string> kinds, bool showsDrafts = false, string user = "")
    {
        Reach = reach;
        User = user;
        ShowsDrafts = showsDrafts;
        Consortia = consortia;
        Pcts = pcts;
        Kinds = kinds;
    }

    /// <summary>No change (a page whose data has not been read yet).</summary>
    public static readonly LiveInterest None = new(LiveReach.Nothing, [], [], []);

    /// <summary>A change to any consortium or PCT (the national dashboard).</summary>
    public static readonly LiveInterest AnyOrganisation = new(LiveReach.AnyOrganisation, [], [], []);

    public LiveReach Reach { get; }

    /// <summary>The consortia a <see cref="LiveReach.Listed"/> page shows.</summary>
    public IReadOnlyCollection<string> Consortia { get; }

    /// <summary>The PCTs a <see cref="LiveReach.Listed"/> page shows.</summary>
    public IReadOnlyCollection<string> Pcts { get; }

    /// <summary>The user an <see cref="LiveReach.Addressed"/> page shows the records of.</summary>
    public string User { get; }

    /// <summary>The kinds of record (entity type names) the page shows; none means every kind.</summary>
    public IReadOnlyCollection<string> Kinds { get; }

    /// <summary>
    /// Whether the page shows draft checklists (a consortium's own pages do); pages that show submitted assessments
    /// only take no notice of a draft's edits (<see cref="DataChange.DraftsOnly"/>).
    /// </summary>
    public bool ShowsDrafts { get; }

    /// <summary>The records of one consortium, drafts included, of the given kinds or (none given) of every kind.</summary>
    public static LiveInterest Consortium(string code, params string[] kinds) => new(LiveReach.Listed, [code], [], kinds, showsDrafts: true);

    /// <summary>The records of any of these consortia and PCTs, drafts aside (a region's dashboard).</summary>
    public static LiveInterest Organisations(IEnumerable<string> consortia, IEnumerable<string> pcts) =>
        new(LiveReach.Listed, consortia.ToHashSet(StringComparer.Ordinal), pcts.ToHashSet(StringComparer.Ordinal), []);

    /// <summary>Records of one kind addressed to one user (the notification bell: their notifications, no one else's).</summary>
    public static LiveInterest AddressedTo(string userId, string kind) => new(LiveReach.Addressed, [], [], [kind], user: userId);

    /// <summary>Rebuilds an interest from its parts (as a wake token carries them, with the user it was issued to).</summary>
    public static LiveInterest From(LiveReach reach, IReadOnlyCollection<string> consortia, IReadOnlyCollection<string> pcts, IReadOnlyCollection<string> kinds, bool showsDrafts, string user) =>
        reach switch
        {
            LiveReach.Nothing => None,
            LiveReach.Listed => new(reach, consortia.ToHashSet(StringComparer.Ordinal), pcts.ToHashSet(StringComparer.Ordinal), kinds, showsDrafts),
            LiveReach.Addressed => new(reach, [], [], kinds, showsDrafts, user),
            _ => new(reach, [], [], kinds, showsDrafts),
        };

    /// <summary>One text for equal interests, whatever the order of their codes (to tell whether a page's interest moved).</summary>
    public string Key => _key ??= string.Join(
        '|',
        (int)Reach,
        ShowsDrafts ? "drafts" : "",
        User,
        string.Join(',', Consortia.Order(StringComparer.Ordinal)),
        string.Join(',', Pcts.Order(StringComparer.Ordinal)),
        string.Join(',', Kinds.Order(StringComparer.Ordinal)));

    /// <summary>Whether the page shows the change; called on the thread that heard of it, so it is quick.</summary>
    public bool Matches(DataChange change)
    {
        if (Reach == LiveReach.Nothing)
        {
            return false;
        }

        if (change.IsEverything)
        {
            return true;
        }

        if (change.DraftsOnly && !ShowsDrafts)
        {
            return false;
        }

        if (Kinds.Count > 0 && !Kinds.Any(change.Kinds.Contains))
        {
            return false;
        }

        return Reach switch
        {
            LiveReach.AnyOrganisation => change.Consortia.Count > 0 || change.Pcts.Count > 0,
            LiveReach.Addressed => change.Addresses(User),
            _ => Consortia.Any(change.Consortia.Contains) || Pcts.Any(change.Pcts.Contains),
        };
    }
}

/// <summary>How far a page's <see cref="LiveInterest"/> reaches.</summary>
public enum LiveReach
{
    Nothing = 0,
    Listed = 1,
    AnyOrganisation = 2,
    Addressed = 4,
}
