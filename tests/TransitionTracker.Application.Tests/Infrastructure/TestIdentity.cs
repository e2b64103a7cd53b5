using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Data;
using TransitionTracker.Data.Identity;

namespace TransitionTracker.Application.Tests.Infrastructure;

/// <summary>
/// Identity's user manager, which the application's account use cases need and the web host registers: the same
/// password length and options, on the same store. The list of common passwords ships with the web app, so it is
/// not checked here.
/// </summary>
public static class TestIdentity
{
    public static IServiceCollection AddTestIdentity(this IServiceCollection services)
    {
        services.AddIdentityCore<TransitionTrackerUser>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<TransitionTrackerDbContext>();
        return services;
    }
}
