using Microsoft.AspNetCore.Authorization;

namespace TransitionTracker.Web.Access;

public sealed class AdministratorRequirement : IAuthorizationRequirement;
