package dev.techtrends.catalogue;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** "source type target", e.g. NestJS runs-on Node.js. */
@Entity
@Table(name = "technology_relation")
public class TechnologyRelation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "source_id")
    public Technology source;

    public String type;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "target_id")
    public Technology target;

    static TechnologyRelation of(Technology source, String type, Technology target) {
        TechnologyRelation relation = new TechnologyRelation();
        relation.source = source;
        relation.type = type;
        relation.target = target;
        return relation;
    }
}
