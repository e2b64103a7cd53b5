using Microsoft.Extensions.DependencyInjection;
using TransitionTracker.Application.Changes;

namespace TransitionTracker.Application.SupportActions;

public static class SupportActionServiceCollectionExtensions
{
    /// <summary>The use cases behind the support action pages and a consortium's changes page.</summary>
    public static IServiceCollection AddTransitionTrackerSupportActions(this IServiceCollection services) =>
        services.AddScoped<SupportActionBoard>().AddScoped<ChangeHistory>();
}
