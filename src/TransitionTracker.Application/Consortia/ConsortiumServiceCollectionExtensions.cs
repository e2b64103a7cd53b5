using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Consortia;

public static class ConsortiumServiceCollectionExtensions
{
    /// <summary>
    /// Consortia: lists, one consortium, its members and PCTs, its status page's contents, and practices moving
    /// between consortia, stage changes and merges.
    /// </summary>
    public static IServiceCollection AddTransitionTrackerConsortia(this IServiceCollection services) =>
        services.AddScoped<ConsortiumCatalogue>().AddScoped<ConsortiumStatus>().AddScoped<PracticeMoves>().AddScoped<ConsortiumFormation>();
}
