using TransitionTracker.Domain.Organisations;
using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// A regional lead confirming or overriding a consortium's computed track, with a reason. It never changes the
/// computed result; the consortium's effective track is the latest decision's track, when there is one.
/// </summary>
public sealed class TrackDecision
{
    public const int ReasonMaxLength = 1000;

    public TrackDecision(string consortiumCode, Track track, Track? computedTrack, string reason, string decidedBy, DateTime decidedAtUtc)
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
    }

    public int Id { get; private set; }

    public string ConsortiumCode { get; private set; }

    /// <summary>The track the regional lead decided on.</summary>
    public Track Track { get; private set; }

    /// <summary>The computed track when the decision was made (null if nothing had been submitted).</summary>
    public Track? ComputedTrack { get; private set; }

    public bool IsConfirmation => ComputedTrack == Track;

    public string Reason { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTime DecidedAtUtc { get; private set; }
}
