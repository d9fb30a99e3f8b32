namespace Collab.Bench.Baseline;

/// <summary>The REST calls the groups and coedit scenarios make while setting up, answered without checks or storage.</summary>
public static class BaselineEndpoints
{
    public static IEndpointRouteBuilder MapBaselineEndpoints(this IEndpointRouteBuilder routes)
    {
        // The token is the user id itself: the hub reads it back as the caller's name, nothing verifies it.
        routes.MapPost("/api/dev/token", (TokenRequest request) => TypedResults.Ok(new { token = request.UserId ?? "anonymous" }));

        routes.MapPost("/api/groups", (GroupCounters groups) =>
        {
            var id = groups.Create();
            return TypedResults.Created($"/api/groups/{id}", new { id });
        });

        routes.MapPost("/api/groups/{id}/members", (string id, MemberRequest member) =>
            TypedResults.Ok(new { member.UserId, member.Name, member.School, member.County, role = "member" }));

        routes.MapPost("/api/groups/{id}/lessonpreps", (string id, LessonPlans plans) =>
        {
            var plan = plans.Create();
            return TypedResults.Created($"/api/lessonpreps/{plan}", new { id = plan, groupId = id });
        });

        routes.MapPost("/api/classrooms", (ClassroomStaffRequest request, ClassroomRooms rooms) =>
        {
            var id = rooms.Create(request.StaffIds ?? []);
            return TypedResults.Created($"/api/classrooms/{id}", new { id });
        });

        return routes;
    }
}
