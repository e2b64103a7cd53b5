using TransitionTracker.Domain.Transition;

namespace TransitionTracker.Application.Transition;

/// <summary>The milestones form: the dates of all four milestones at once, one group of boxes each.</summary>
public sealed class MilestonesForm
{
    public MilestoneDatesForm? ShadowFormed { get; set; }

    public MilestoneDatesForm? Pathfinder { get; set; }

    public MilestoneDatesForm? DelegatedBudget { get; set; }

    public MilestoneDatesForm? Authorised { get; set; }

    /// <summary>The form field names of a milestone's boxes start with this: "Input.Pathfinder".</summary>
    public static string PropertyOf(MilestoneKind kind) => kind.ToString();

    /// <summary>The element id of a milestone's planned or actual date input: "pathfinder-planned".</summary>
    public static string FieldId(MilestoneKind kind, bool actual) => kind switch
    {
        MilestoneKind.ShadowFormed => "shadow-formed",
        MilestoneKind.Pathfinder => "pathfinder",
        MilestoneKind.DelegatedBudget => "delegated-budget",
        MilestoneKind.Authorised => "authorised",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    } + (actual ? "-actual" : "-planned");

    /// <summary>The dates typed for one milestone; a group the browser did not send reads as blank.</summary>
    public MilestoneDatesForm For(MilestoneKind kind) => kind switch
    {
        MilestoneKind.ShadowFormed => ShadowFormed ??= new(),
        MilestoneKind.Pathfinder => Pathfinder ??= new(),
        MilestoneKind.DelegatedBudget => DelegatedBudget ??= new(),
        MilestoneKind.Authorised => Authorised ??= new(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static MilestonesForm From(IEnumerable<PlannedMilestone> milestones)
    {
        var form = new MilestonesForm();
        foreach (var milestone in milestones)
        {
            var dates = MilestoneDatesForm.From(milestone);
            switch (milestone.Kind)
            {
                case MilestoneKind.ShadowFormed: form.ShadowFormed = dates; break;
                case MilestoneKind.Pathfinder: form.Pathfinder = dates; break;
                case MilestoneKind.DelegatedBudget: form.DelegatedBudget = dates; break;
                case MilestoneKind.Authorised: form.Authorised = dates; break;
            }
        }

        return form;
    }
}
