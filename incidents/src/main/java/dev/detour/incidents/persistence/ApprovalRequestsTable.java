package dev.detour.incidents.persistence;

import dev.detour.incidents.approval.Approval;
import dev.detour.incidents.catalog.EnumWords;
import dev.detour.incidents.catalog.Target;
import dev.detour.incidents.incident.Actor;
import dev.detour.incidents.incident.IncidentId;
import dev.detour.incidents.ports.ApprovalRequests;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Approvals in {@code approval_request}. */
@Singleton
public class ApprovalRequestsTable implements ApprovalRequests {
    private final ApprovalRequestRepository rows;

    public ApprovalRequestsTable(ApprovalRequestRepository rows) {
        this.rows = rows;
    }

    @Override
    public Approval add(Approval approval) {
        ApprovalRequestRow row = rows.save(new ApprovalRequestRow(null, EnumWords.of(approval.kind()),
                approval.incident().number(), approval.targets().stream().map(TargetKeys::key)
                .collect(Collectors.joining("\n")), approval.reason().orElse(null),
                approval.requestedBy().toString(), approval.requestedAt(), approval.version(), approval.expiresAt(),
                EnumWords.of(approval.state()), approval.settledBy().map(Actor::toString).orElse(null),
                approval.settledAt().orElse(null), null, null));
        return approval.withId(row.id());
    }

    @Override
    public Optional<Approval> find(long id) {
        return rows.findById(id).map(ApprovalRequestsTable::approval);
    }

    @Override
    public boolean settle(long id, Approval.State to, Actor by, Instant at) {
        return rows.settleOpen(id, EnumWords.of(to), by.toString(), at) == 1;
    }

    @Override
    public List<Approval> expiredBy(Instant now) {
        return rows.findExpiredBy(now).stream().map(ApprovalRequestsTable::approval).toList();
    }

    @Override
    public List<Approval> ofIncident(IncidentId incident) {
        return rows.findByIncident(incident.number()).stream().map(ApprovalRequestsTable::approval).toList();
    }

    @Override
    public void posted(long id, String channel, String ts) {
        rows.posted(id, channel, ts);
    }

    @Override
    public Optional<Message> message(long id) {
        return rows.findById(id).filter(row -> row.channel() != null && row.ts() != null)
                .map(row -> new Message(row.channel(), row.ts()));
    }

    private static Approval approval(ApprovalRequestRow row) {
        List<Target> targets = Arrays.stream(row.targets().split("\n")).map(TargetKeys::target).toList();
        return new Approval(row.id(), EnumWords.parse(Approval.Kind.values(), row.kind()).orElseThrow(),
                new IncidentId(row.incidentId()), targets, Optional.ofNullable(row.reason()),
                Actor.parse(row.requestedBy()), row.requestedAt(), row.version(), row.expiresAt(),
                EnumWords.parse(Approval.State.values(), row.state()).orElseThrow(),
                Optional.ofNullable(row.settledBy()).map(Actor::parse), Optional.ofNullable(row.settledAt()));
    }
}
