namespace TransitionTracker.Application.Organisations;

/// <summary>A practice as a PCT page lists it; <see cref="PctInferred"/> flags the PCT as a guess from the data.</summary>
public sealed record PracticeListing(string Code, string Name, int ListSize, string? ConsortiumCode, bool PctInferred);
