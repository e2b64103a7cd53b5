using TransitionTracker.Web.Lessons;
using TransitionTracker.Web.Transition;

// In the DI namespace, as is usual for registration helpers, so the app's set-up needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

public static class TransitionPlanServiceCollectionExtensions
{
    /// <summary>The services behind a consortium's transition plan, conflicts-of-interest register and lessons pages.</summary>
    public static IServiceCollection AddTransitionTrackerPlans(this IServiceCollection services) =>
        services.AddScoped<TransitionPlans>().AddScoped<InterestRegister>().AddScoped<LessonLibrary>();
}
