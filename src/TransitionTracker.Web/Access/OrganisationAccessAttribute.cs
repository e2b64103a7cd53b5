using Microsoft.AspNetCore.Authorization;

namespace TransitionTracker.Web.Access;

/// <summary>
/// Marks a page or endpoint as being about one organisation, named by the route value <c>code</c>. The matching
/// policy's handler (<see cref="OrganisationAccessHandler"/>) decides; a refusal becomes a 404.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class OrganisationAccessAttribute : AuthorizeAttribute
{
    public OrganisationAccessAttribute(OrganisationKind kind, AccessOperation operation = AccessOperation.Read)
        : base(Policies.For(kind, operation))
    {
        Kind = kind;
        Operation = operation;
    }

    public OrganisationKind Kind { get; }

    public AccessOperation Operation { get; }
}
