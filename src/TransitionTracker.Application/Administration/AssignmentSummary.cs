using TransitionTracker.Domain.Access;

namespace TransitionTracker.Application.Administration;

/// <summary>One role assignment, with its scope in words, like "PCT manager – 5D7 Newcastle PCT".</summary>
public sealed record AssignmentSummary(int Id, Role Role, string? ScopeCode, string Description);
