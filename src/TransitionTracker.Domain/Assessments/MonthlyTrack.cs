using TransitionTracker.Domain.Scoring;

namespace TransitionTracker.Domain.Assessments;

/// <summary>
/// A consortium's effective track as it stood at the end of a UK month (its latest regional decision by then,
/// otherwise its latest submitted readiness assessment with a track), stored for the months in which it differs from
/// the month before, the first month with a track included. In the months between two rows the track stood as in the
/// earlier row, so the track in every month is the latest row up to it. Derived from the assessments and decisions,
/// and rewritten with them in the same transaction (docs/architecture.md, "The monthly track snapshot").
/// </summary>
public sealed class MonthlyTrack
{
    public MonthlyTrack(string consortiumCode, DateOnly month, Track track, Track? previousTrack)
    {
        ConsortiumCode = consortiumCode;
        Month = month;
        Track = track;
        PreviousTrack = previousTrack;
    }

    public string ConsortiumCode { get; private set; }

    /// <summary>The first day of the UK month.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>The track at the end of the month.</summary>
    public Track Track { get; private set; }

    /// <summary>The track at the end of the month before; null when it had none yet.</summary>
    public Track? PreviousTrack { get; private set; }

    /// <summary>Takes the track and the one before it from <paramref name="other"/> (a row for the same month); true when either changed.</summary>
    public bool UpdateFrom(MonthlyTrack other)
    {
        if (Track == other.Track && PreviousTrack == other.PreviousTrack)
        {
            return false;
        }

        Track = other.Track;
        PreviousTrack = other.PreviousTrack;
        return true;
    }
}
