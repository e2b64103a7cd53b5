using TransitionTracker.Web.Components.Pages.Consortia.Changes;

namespace TransitionTracker.Web.SupportActions;

/// <summary>
/// Someone saved the action after the form was opened: their change (from the audit trail; null only if none is
/// recorded) and the revision now stored, which a deliberate second save is then based on.
/// </summary>
public sealed record SupportActionConflict(RecordedChange? TheirChange, int CurrentRevision);
