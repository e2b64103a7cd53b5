using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Consortia;

public static class ConsortiumServiceCollectionExtensions
{
    /// <summary>Reading consortia: lists, one consortium, and its members and PCTs.</summary>
    public static IServiceCollection AddTransitionTrackerConsortia(this IServiceCollection services) =>
        services.AddScoped<ConsortiumCatalogue>();
}
