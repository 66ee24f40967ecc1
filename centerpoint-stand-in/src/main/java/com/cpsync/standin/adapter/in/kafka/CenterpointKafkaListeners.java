package com.cpsync.standin.adapter.in.kafka;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.standin.adapter.avro.CenterpointAvroMapper;
import com.cpsync.standin.application.ReceiveCommand;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.json.StandInJsonViews;

/** What Centerpoint consumes: commands to apply, and the sync outcomes it shows its users. */
@Component
public class CenterpointKafkaListeners {

    private final ReceiveCommand receiveCommand;
    private final CenterpointData data;

    public CenterpointKafkaListeners(ReceiveCommand receiveCommand, CenterpointData data) {
        this.receiveCommand = receiveCommand;
        this.data = data;
    }

    @KafkaListener(id = "centerpoint-stand-in.commands", topics = Topics.CENTERPOINT_COMMANDS)
    void on(CenterpointCommand command) {
        receiveCommand.handle(CenterpointAvroMapper.toDomain(command));
    }

    @KafkaListener(id = "centerpoint-stand-in.outcomes", topics = Topics.SYNC_OUTCOMES)
    void on(SyncOutcome outcome) {
        data.tenant(outcome.getTenantId()).recordOutcome(StandInJsonViews.record(outcome));
    }
}
