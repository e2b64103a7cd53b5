namespace TransitionTracker.Web.Assessments;

public enum SaveResult
{
    Saved,
    Invalid,
    Conflict,
    RevisionRequired,
    NoDraft,
}
