namespace TransitionTracker.Application.Consortia;

/// <summary>Optional filters for consortium lists; codes already normalised; the track is the effective track.</summary>
public sealed record ConsortiumFilter(string? RegionCode = null, string? PctCode = null, TransitionTracker.Domain.Scoring.Track? Track = null);
