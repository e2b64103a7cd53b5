using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// A regional lead confirming or overriding a consortium's computed track, with a reason. It never changes the
/// computed result; the consortium's effective track is the latest decision's track, when there is one.
/// Each decision has the next <see cref="Revision"/> of its consortium's decisions (unique per consortium), so a
/// decision made on a page that did not show the latest one is refused instead of silently winning.
/// </summary>
public sealed class TrackDecision : IRevisioned
{
    public const int ReasonMaxLength = 1000;

    /// <summary>The revision of a consortium's first decision; before any decision the revision is <c>0</c>.</summary>
    public const int FirstRevision = 1;

    /// <param name="previous">The latest decision the regional lead saw, or null when there was none.</param>
    public TrackDecision(string consortiumCode, Track track, Track? computedTrack, string reason, string decidedBy, DateTime decidedAtUtc, TrackDecision? previous)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A reason is required.", nameof(reason));
        }

        if (reason.Length > ReasonMaxLength)
        {
            throw new ArgumentException($"A reason is limited to {ReasonMaxLength} characters.", nameof(reason));
        }

        ConsortiumCode = OrganisationCode.Normalise(consortiumCode);
        Track = track;
        ComputedTrack = computedTrack;
        Reason = reason.Trim();
        DecidedBy = decidedBy;
        DecidedAtUtc = decidedAtUtc;
        Revision = previous is null ? FirstRevision : previous.Revision + 1;
    }

    // For EF Core, which reads stored decisions back through the constructor.
    private TrackDecision(string consortiumCode, Track track, Track? computedTrack, string reason, string decidedBy, DateTime decidedAtUtc, int revision)
    {
        ConsortiumCode = consortiumCode;
        Track = track;
        ComputedTrack = computedTrack;
        Reason = reason;
        DecidedBy = decidedBy;
        DecidedAtUtc = decidedAtUtc;
        Revision = revision;
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    /// <summary>1 for the consortium's first decision, one more for each later one.</summary>
    public int Revision { get; private set; }

    /// <summary>The track the regional lead decided on.</summary>
    public Track Track { get; private set; }

    /// <summary>The computed track when the decision was made (null if nothing had been submitted).</summary>
    public Track? ComputedTrack { get; private set; }

    public bool IsConfirmation => ComputedTrack == Track;

    public string Reason { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTime DecidedAtUtc { get; private set; }
}
