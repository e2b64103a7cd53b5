namespace TransitionTracker.Web.Consortia;

/// <summary>Optional filters for consortium lists; codes already normalised.</summary>
public sealed record ConsortiumFilter(string? RegionCode = null, string? PctCode = null);
