using TransitionTracker.Web.Components.Pages.Consortia.Changes;
using TransitionTracker.Web.SupportActions;

// In the DI namespace, as is usual for registration helpers, so the app's set-up needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class SupportActionServiceCollectionExtensions
{
    /// <summary>The services behind the support action pages and a consortium's changes page.</summary>
    public static IServiceCollection AddTransitionTrackerSupportActions(this IServiceCollection services) =>
        services.AddScoped<SupportActionBoard>().AddScoped<ChangeHistory>();
}
