using System.Security.Claims;
using Collab.Api.Auth;
using Collab.Api.Errors;
using Collab.Api.Hosting;
using Collab.Grains.Interfaces.Attachments.Events;
using Collab.Grains.Interfaces.Common;
using Collab.Silo.Attachments;
using Microsoft.Extensions.Options;

namespace Collab.Api.Attachments;

/// <summary>
/// Attachments of every area (PROTOCOL §9): upload, read, an owner's list, delete. An upload is answered only once the
/// store has it durable; a refused or failed one leaves nothing behind. A stored or deleted file is then told to the
/// owner's grain (one-way), which tells its followers who share the files.
/// </summary>
public static class AttachmentEndpoints
{
    public static IEndpointRouteBuilder MapAttachmentEndpoints(this IEndpointRouteBuilder routes, AttachmentOptions options)
    {
        routes.MapPost("/api/files", UploadAsync).RequireAuthorization()
            .WithMetadata(new BodySizeLimit(options.MaxBytes + AttachmentOptions.FormOverheadBytes));

        routes.MapGet("/api/files/{id}", async (string id, ClaimsPrincipal user, IAttachmentStore store, AttachmentAccess access, HttpContext context) =>
        {
            var record = await ReadableAsync(id, user, store, access, context.RequestAborted);
            var content = await store.OpenReadAsync(record.Id, context.RequestAborted);
            context.Response.Headers.XContentTypeOptions = "nosniff";
            return Results.File(content, record.ContentType, record.Name);
        }).RequireAuthorization();

        routes.MapGet("/api/files", async (string? owner, ClaimsPrincipal user, IAttachmentStore store, AttachmentAccess access, CancellationToken cancellationToken) =>
        {
            var parsed = AttachmentOwner.Parse(owner);
            await access.RequireMayReadAsync(user.ToCaller(), parsed);
            return (await store.ListAsync(parsed.ToString(), cancellationToken)).Select(AttachmentLine.Of).ToList();
        }).RequireAuthorization();

        routes.MapDelete("/api/files/{id}", async (string id, ClaimsPrincipal user, IAttachmentStore store, AttachmentAccess access, CancellationToken cancellationToken) =>
        {
            var record = await store.FindAsync(id, cancellationToken) ?? throw CollabException.NotFound($"attachment {id}");
            if (record.UploadedBy != user.ToCaller().UserId)
            {
                throw CollabException.Forbidden("only the one who uploaded an attachment may delete it");
            }
            if (await store.DeleteAsync(id, cancellationToken))
            {
                await access.OwnerGrain(AttachmentOwner.Parse(record.Owner)).AttachmentRemovedAsync(new AttachmentRemovedEvent(id, record.Owner, record.UploadedBy));
            }
            return Results.NoContent();
        }).RequireAuthorization();
        return routes;
    }

    /// <summary>The attachment when it exists and the caller may see its owner; the owner's refusal otherwise.</summary>
    public static async Task<AttachmentRecord> ReadableAsync(string id, ClaimsPrincipal user, IAttachmentStore store, AttachmentAccess access,
        CancellationToken cancellationToken)
    {
        var record = await store.FindAsync(id, cancellationToken) ?? throw CollabException.NotFound($"attachment {id}");
        await access.RequireMayReadAsync(user.ToCaller(), AttachmentOwner.Parse(record.Owner));
        return record;
    }

    private static async Task<IResult> UploadAsync(HttpRequest request, ClaimsPrincipal user, IAttachmentStore store, AttachmentAccess access,
        IOptions<AttachmentOptions> options, TimeProvider time)
    {
        var caller = user.ToCaller();
        AttachmentOwner? owner = null;
        await using var upload = await StagedUpload.ReadAsync(request, options.Value.MaxBytes, async field =>
        {
            owner = AttachmentOwner.Parse(field);
            await access.RequireMayUploadAsync(caller, owner);
        }, request.HttpContext.RequestAborted);
        var contentType = AttachmentTypes.Sniff(upload.File)
            ?? throw CollabException.Invalid($"'{upload.Name}' is not one of the allowed types (PNG, JPEG, GIF, WebP, PDF, Word, Excel, PowerPoint, plain text)");
        var id = NewIds.Next("f");
        // Not the request's token: once the bytes are here, a client that goes away must not leave half a store write.
        var record = await store.SaveAsync(new NewAttachment(id, owner!.ToString(), upload.Name, contentType, caller.UserId, time.GetUtcNow()),
            upload.File, CancellationToken.None);
        var line = AttachmentLine.Of(record);
        await access.OwnerGrain(owner).AttachmentAddedAsync(new AttachmentAddedEvent(line.Id, line.Url, line.Name, line.Size, line.ContentType,
            line.Owner, line.UploadedBy, line.UploadedAt));
        return TypedResults.Created(line.Url, line);
    }
}
