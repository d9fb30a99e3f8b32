namespace Collab.Grains.Interfaces.Live;

/// <summary>
/// The data of one kind of event a stream carries (PROTOCOL's <c>Event {type, data}</c>), serialized as the
/// protocol's camelCase JSON; <see cref="Type"/> is the protocol's name for it. The web client's types are generated
/// from these records (<c>web/src/live/events.generated.ts</c>) and a test keeps the two the same.
/// </summary>
public interface ILiveEvent
{
    static abstract string Type { get; }
}
