namespace TransitionTracker.Web.Components.Pages.Consortia.Changes;

/// <summary>One field of a recorded change, in words: its name, and its value before and after ("(empty)" for none).</summary>
public sealed record ChangedField(string Field, string Old, string New)
{
    /// <summary>False for a field kept only to say what the change was about (the criterion of an answer).</summary>
    public bool Changed => Old != New;
}
