using Microsoft.AspNetCore.Authorization;

namespace TransitionTracker.Web.Access;

public sealed record OrganisationAccessRequirement(OrganisationKind Kind, AccessOperation Operation) : IAuthorizationRequirement;
