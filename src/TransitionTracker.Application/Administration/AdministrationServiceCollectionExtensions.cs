using TransitionTracker.Application.Administration;

// In the DI namespace, as is usual for registration helpers, so the app's set-up needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class AdministrationServiceCollectionExtensions
{
    /// <summary>
    /// The services behind the administrator pages and the create-admin command. They need Identity's user manager,
    /// which the host registers with its password rules.
    /// </summary>
    public static IServiceCollection AddTransitionTrackerAdministration(this IServiceCollection services) =>
        services.AddScoped<UserDirectory>().AddScoped<UserAccounts>();
}
