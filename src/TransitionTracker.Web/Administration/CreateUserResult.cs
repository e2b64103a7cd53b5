using TransitionTracker.Web.Components.Shared;

namespace TransitionTracker.Web.Administration;

/// <summary>The new user's id, or every problem that stopped the user being created.</summary>
public sealed record CreateUserResult(string? UserId, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => UserId is not null;
}
