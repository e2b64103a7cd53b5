using Microsoft.Extensions.DependencyInjection;

namespace TransitionTracker.Application.Preferences;

public static class PreferenceServiceCollectionExtensions
{
    /// <summary>A user's own display preferences: light or dark pages.</summary>
    public static IServiceCollection AddTransitionTrackerPreferences(this IServiceCollection services) =>
        services.AddScoped<DisplayPreferences>();
}
