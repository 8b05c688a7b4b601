// Generated from the API's OpenAPI document by `npm run api:client`: do not edit.

export interface paths {
    "/v1/scan": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Scan texts and return a verdict; nothing is stored */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @default text
                         * @enum {string}
                         */
                        kind?: "video" | "image" | "text" | "comment" | "profile";
                        texts?: {
                            [key: string]: string;
                        };
                        text?: string;
                        /**
                         * @default general
                         * @enum {string}
                         */
                        audience?: "general" | "adult" | "children";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                            categories: {
                                /** @enum {string} */
                                category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                score: number;
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                urgent: boolean;
                                legalGround: string;
                                evidence: ({
                                    /** @enum {string} */
                                    source: "caption" | "ocr" | "asr";
                                    field: string;
                                    match: string;
                                    /** @description code points of the original text */
                                    start: number;
                                    end: number;
                                    term: string;
                                    lexicon: string;
                                    lexiconVersion: number;
                                    weight: number;
                                    language?: string;
                                    media?: number;
                                    text?: string;
                                    timestamp?: number;
                                    until?: number;
                                    box?: {
                                        x: number;
                                        y: number;
                                        width: number;
                                        height: number;
                                    };
                                    thumbnail?: string;
                                } | {
                                    /** @enum {string} */
                                    source: "image";
                                    media: number;
                                    classifier: string;
                                    classes: string[];
                                    score: number;
                                    weight: number;
                                    frames: {
                                        timestamp: number;
                                        score: number;
                                        thumbnail?: string;
                                    }[];
                                } | {
                                    /** @enum {string} */
                                    source: "hash";
                                    media: number;
                                    bank: string;
                                    entryId: number;
                                    signalType: string;
                                    method: string;
                                    distance: number;
                                    provenance: string;
                                    sourceRef: string | null;
                                    queryMatchPercent?: number;
                                    comparedMatchPercent?: number;
                                    frames?: {
                                        queryFrame: number;
                                        queryTimestamp: number;
                                        targetFrame?: number;
                                        targetTimestamp?: number;
                                        distance: number;
                                    }[];
                                    weight: number;
                                } | {
                                    /** @enum {string} */
                                    source: "model";
                                    field: string;
                                    model: string;
                                    version: number | "builtin";
                                    label: string;
                                    score: number;
                                    weight: number;
                                    features?: {
                                        feature: string;
                                        weight: number;
                                        start: number;
                                        end: number;
                                    }[];
                                    language?: string;
                                    media?: number;
                                    timestamp?: number;
                                })[];
                                queue?: string;
                                /** @enum {string} */
                                priority?: "low" | "normal" | "high" | "urgent";
                            }[];
                            review?: {
                                queue: string;
                                /** @enum {string} */
                                priority: "low" | "normal" | "high" | "urgent";
                                /** @enum {string} */
                                category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                /** @enum {string} */
                                reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                            };
                            policyVersion: string;
                            signals: {
                                entities: {
                                    field: string;
                                    /** @enum {string} */
                                    type: "url" | "domain" | "phone";
                                    value: string;
                                    match: string;
                                    start: number;
                                    end: number;
                                }[];
                                languages: {
                                    field: string;
                                    language: string;
                                    probability: number;
                                    reliable: boolean;
                                }[];
                                media?: {
                                    media: number;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    sha256?: string;
                                    width?: number;
                                    height?: number;
                                    durationSeconds?: number;
                                    ocr?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                        box: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        confidence: number;
                                        thumbnail?: string;
                                    }[];
                                    transcript?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                    }[];
                                    nudity?: {
                                        classifier: string;
                                        frames: {
                                            timestamp: number;
                                            scores: {
                                                [key: string]: number;
                                            };
                                            thumbnail?: string;
                                        }[];
                                    };
                                    speech?: {
                                        detected: boolean;
                                        segments: {
                                            start: number;
                                            end: number;
                                        }[];
                                        speechSeconds: number;
                                        transcribed: boolean;
                                    };
                                    frames?: {
                                        sampled: number;
                                        keyframes: number;
                                        analysed: number;
                                        duplicates: number;
                                    };
                                    steps: {
                                        /** @enum {string} */
                                        step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                        /** @enum {string} */
                                        status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                        ms: number;
                                        reason?: string;
                                        code?: string;
                                    }[];
                                }[];
                                underage?: {
                                    score: number;
                                    age: {
                                        min: number;
                                        max: number;
                                    };
                                    evidence: {
                                        field: string;
                                        match: string;
                                        start: number;
                                        end: number;
                                        /** @enum {string} */
                                        kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                        age: {
                                            min: number;
                                            max: number;
                                        };
                                        weight: number;
                                    }[];
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List content items, newest first, each with its latest scan's action, categories and review queue */
        get: {
            parameters: {
                query?: {
                    status?: "active" | "in_review" | "held" | "restricted" | "removed";
                    limit?: number;
                    before?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                externalId: string;
                                kind: string;
                                account: {
                                    id: string;
                                    externalId: string;
                                } | null;
                                texts: {
                                    [key: string]: string;
                                };
                                media: unknown[];
                                audience: string;
                                status: string;
                                restriction: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                postedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                latestScan: {
                                    action: string;
                                    policyVersion: string;
                                    categories: {
                                        category: string;
                                        score: number;
                                        action: string;
                                    }[];
                                    review?: {
                                        queue: string;
                                        /** @enum {string} */
                                        priority: "low" | "normal" | "high" | "urgent";
                                        /** @enum {string} */
                                        category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                        /** @enum {string} */
                                        reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                    };
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Store a content item and scan it (idempotent by externalId)
         * @description Returns 201 when the item is new, 200 when it was known (a retry changes nothing; changed texts are scanned again). A remove or restrict verdict records an automated decision with its statement of reasons and notifies webhooks. When `media` names an `upload`, a `path` or (with fetching on) a `url`, the media is analysed in a job first: the answer is 202 with `analysis` (id, status, jobId) and no verdict; the verdict follows on `GET /v1/content/{id}` and by the `content.analysed` webhook.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        externalId: string;
                        /** @enum {string} */
                        kind: "video" | "image" | "text" | "comment" | "profile";
                        account?: {
                            externalId: string;
                            displayName?: string;
                        };
                        /** @default {} */
                        texts?: {
                            [key: string]: string;
                        };
                        media?: {
                            /** @enum {string} */
                            type: "image" | "video" | "audio";
                            upload?: string;
                            path?: string;
                            /** Format: uri */
                            url?: string;
                            md5?: string;
                            sha256?: string;
                            /** @enum {string} */
                            kind?: "image" | "video";
                            pdq?: {
                                hash: string;
                                quality: number;
                            };
                            dihedral?: {
                                [key: string]: string;
                            };
                            cropped?: {
                                hash: string;
                                quality: number;
                                rect?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                dihedral?: {
                                    [key: string]: string;
                                };
                            };
                            vpdq?: {
                                frame: number;
                                quality: number;
                                hash: string;
                                timestamp: number;
                                cropped?: {
                                    hash: string;
                                    quality: number;
                                    rect?: {
                                        x: number;
                                        y: number;
                                        width: number;
                                        height: number;
                                    };
                                    dihedral?: {
                                        [key: string]: string;
                                    };
                                };
                            }[];
                            width?: number;
                            height?: number;
                            info?: {
                                [key: string]: unknown;
                            };
                        }[];
                        /**
                         * @default general
                         * @enum {string}
                         */
                        audience?: "general" | "adult" | "children";
                        metadata?: {
                            [key: string]: unknown;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                account: {
                                    id: string;
                                    externalId: string;
                                } | null;
                                texts: {
                                    [key: string]: string;
                                };
                                media: unknown[];
                                audience: string;
                                status: string;
                                restriction: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                postedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                scans: {
                                    id: string;
                                    contentVersion: number | null;
                                    policyVersion: string;
                                    action: string;
                                    verdict: {
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                        categories: {
                                            /** @enum {string} */
                                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            score: number;
                                            /** @enum {string} */
                                            action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                            urgent: boolean;
                                            legalGround: string;
                                            evidence: ({
                                                /** @enum {string} */
                                                source: "caption" | "ocr" | "asr";
                                                field: string;
                                                match: string;
                                                /** @description code points of the original text */
                                                start: number;
                                                end: number;
                                                term: string;
                                                lexicon: string;
                                                lexiconVersion: number;
                                                weight: number;
                                                language?: string;
                                                media?: number;
                                                text?: string;
                                                timestamp?: number;
                                                until?: number;
                                                box?: {
                                                    x: number;
                                                    y: number;
                                                    width: number;
                                                    height: number;
                                                };
                                                thumbnail?: string;
                                            } | {
                                                /** @enum {string} */
                                                source: "image";
                                                media: number;
                                                classifier: string;
                                                classes: string[];
                                                score: number;
                                                weight: number;
                                                frames: {
                                                    timestamp: number;
                                                    score: number;
                                                    thumbnail?: string;
                                                }[];
                                            } | {
                                                /** @enum {string} */
                                                source: "hash";
                                                media: number;
                                                bank: string;
                                                entryId: number;
                                                signalType: string;
                                                method: string;
                                                distance: number;
                                                provenance: string;
                                                sourceRef: string | null;
                                                queryMatchPercent?: number;
                                                comparedMatchPercent?: number;
                                                frames?: {
                                                    queryFrame: number;
                                                    queryTimestamp: number;
                                                    targetFrame?: number;
                                                    targetTimestamp?: number;
                                                    distance: number;
                                                }[];
                                                weight: number;
                                            } | {
                                                /** @enum {string} */
                                                source: "model";
                                                field: string;
                                                model: string;
                                                version: number | "builtin";
                                                label: string;
                                                score: number;
                                                weight: number;
                                                features?: {
                                                    feature: string;
                                                    weight: number;
                                                    start: number;
                                                    end: number;
                                                }[];
                                                language?: string;
                                                media?: number;
                                                timestamp?: number;
                                            })[];
                                            queue?: string;
                                            /** @enum {string} */
                                            priority?: "low" | "normal" | "high" | "urgent";
                                        }[];
                                        review?: {
                                            queue: string;
                                            /** @enum {string} */
                                            priority: "low" | "normal" | "high" | "urgent";
                                            /** @enum {string} */
                                            category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            /** @enum {string} */
                                            reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                        };
                                        policyVersion: string;
                                        signals: {
                                            entities: {
                                                field: string;
                                                /** @enum {string} */
                                                type: "url" | "domain" | "phone";
                                                value: string;
                                                match: string;
                                                start: number;
                                                end: number;
                                            }[];
                                            languages: {
                                                field: string;
                                                language: string;
                                                probability: number;
                                                reliable: boolean;
                                            }[];
                                            media?: {
                                                media: number;
                                                /** @enum {string} */
                                                kind: "image" | "video" | "unknown";
                                                sha256?: string;
                                                width?: number;
                                                height?: number;
                                                durationSeconds?: number;
                                                ocr?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                    box: {
                                                        x: number;
                                                        y: number;
                                                        width: number;
                                                        height: number;
                                                    };
                                                    confidence: number;
                                                    thumbnail?: string;
                                                }[];
                                                transcript?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                }[];
                                                nudity?: {
                                                    classifier: string;
                                                    frames: {
                                                        timestamp: number;
                                                        scores: {
                                                            [key: string]: number;
                                                        };
                                                        thumbnail?: string;
                                                    }[];
                                                };
                                                speech?: {
                                                    detected: boolean;
                                                    segments: {
                                                        start: number;
                                                        end: number;
                                                    }[];
                                                    speechSeconds: number;
                                                    transcribed: boolean;
                                                };
                                                frames?: {
                                                    sampled: number;
                                                    keyframes: number;
                                                    analysed: number;
                                                    duplicates: number;
                                                };
                                                steps: {
                                                    /** @enum {string} */
                                                    step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                                    /** @enum {string} */
                                                    status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                                    ms: number;
                                                    reason?: string;
                                                    code?: string;
                                                }[];
                                            }[];
                                            underage?: {
                                                score: number;
                                                age: {
                                                    min: number;
                                                    max: number;
                                                };
                                                evidence: {
                                                    field: string;
                                                    match: string;
                                                    start: number;
                                                    end: number;
                                                    /** @enum {string} */
                                                    kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                                    age: {
                                                        min: number;
                                                        max: number;
                                                    };
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                    };
                                    createdAt: string;
                                }[];
                                decisions: {
                                    id: string;
                                    contentId: string;
                                    scanId: string | null;
                                    /** @enum {string} */
                                    actorType: "automated" | "moderator" | "regulator_order";
                                    actorId: string | null;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    legalGround: string | null;
                                    automatedDetection: boolean;
                                    automatedDecision: boolean;
                                    statement: {
                                        decisionId: string;
                                        content: {
                                            id: string;
                                            externalId: string;
                                            kind: string;
                                        };
                                        /** @enum {string} */
                                        visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                        category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                        categoryLabel: {
                                            id: string;
                                            en: string;
                                        } | null;
                                        ground: {
                                            /** @enum {string} */
                                            type: "illegal_content" | "terms_of_service" | "none";
                                            legalGround: string | null;
                                            explanation: {
                                                id: string;
                                                en: string;
                                            };
                                        };
                                        facts: {
                                            summary: {
                                                id: string;
                                                en: string;
                                            };
                                            found: {
                                                /** @enum {string} */
                                                kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                                words?: string[];
                                                where: {
                                                    id: string;
                                                    en: string;
                                                };
                                                text: {
                                                    id: string;
                                                    en: string;
                                                };
                                            }[];
                                        };
                                        message: {
                                            id: string;
                                            en: string;
                                        };
                                        automatedDetection: boolean;
                                        /** @enum {string} */
                                        automatedDecision: "fully" | "partially" | "not_automated";
                                        /** @enum {string} */
                                        source: "own_initiative" | "notice" | "regulator_order";
                                        territorialScope: string[];
                                        redress: {
                                            /** @enum {string} */
                                            type: "internal_complaint" | "out_of_court" | "judicial";
                                            description: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                        decidedAt: string;
                                    };
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    reason: string | null;
                                    createdAt: string;
                                }[];
                                versions: {
                                    version: number;
                                    sha256: string;
                                    createdBy: string;
                                    createdAt: string;
                                }[];
                                analysis?: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "done" | "failed" | "cancelled";
                                    jobId: string | null;
                                    findings: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    scanId: string | null;
                                    error: {
                                        code: string;
                                        message: string;
                                    } | null;
                                    createdAt: string;
                                    startedAt: string | null;
                                    finishedAt: string | null;
                                };
                            };
                            created: boolean;
                            scanned: boolean;
                            verdict?: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                categories: {
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    score: number;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                    urgent: boolean;
                                    legalGround: string;
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    queue?: string;
                                    /** @enum {string} */
                                    priority?: "low" | "normal" | "high" | "urgent";
                                }[];
                                review?: {
                                    queue: string;
                                    /** @enum {string} */
                                    priority: "low" | "normal" | "high" | "urgent";
                                    /** @enum {string} */
                                    category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    /** @enum {string} */
                                    reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                };
                                policyVersion: string;
                                signals: {
                                    entities: {
                                        field: string;
                                        /** @enum {string} */
                                        type: "url" | "domain" | "phone";
                                        value: string;
                                        match: string;
                                        start: number;
                                        end: number;
                                    }[];
                                    languages: {
                                        field: string;
                                        language: string;
                                        probability: number;
                                        reliable: boolean;
                                    }[];
                                    media?: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    underage?: {
                                        score: number;
                                        age: {
                                            min: number;
                                            max: number;
                                        };
                                        evidence: {
                                            field: string;
                                            match: string;
                                            start: number;
                                            end: number;
                                            /** @enum {string} */
                                            kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                            age: {
                                                min: number;
                                                max: number;
                                            };
                                            weight: number;
                                        }[];
                                    };
                                };
                            };
                            analysis?: {
                                id: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed" | "cancelled";
                                jobId: string | null;
                                findings: {
                                    media: number;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    sha256?: string;
                                    width?: number;
                                    height?: number;
                                    durationSeconds?: number;
                                    ocr?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                        box: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        confidence: number;
                                        thumbnail?: string;
                                    }[];
                                    transcript?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                    }[];
                                    nudity?: {
                                        classifier: string;
                                        frames: {
                                            timestamp: number;
                                            scores: {
                                                [key: string]: number;
                                            };
                                            thumbnail?: string;
                                        }[];
                                    };
                                    speech?: {
                                        detected: boolean;
                                        segments: {
                                            start: number;
                                            end: number;
                                        }[];
                                        speechSeconds: number;
                                        transcribed: boolean;
                                    };
                                    frames?: {
                                        sampled: number;
                                        keyframes: number;
                                        analysed: number;
                                        duplicates: number;
                                    };
                                    steps: {
                                        /** @enum {string} */
                                        step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                        /** @enum {string} */
                                        status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                        ms: number;
                                        reason?: string;
                                        code?: string;
                                    }[];
                                }[];
                                scanId: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                account: {
                                    id: string;
                                    externalId: string;
                                } | null;
                                texts: {
                                    [key: string]: string;
                                };
                                media: unknown[];
                                audience: string;
                                status: string;
                                restriction: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                postedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                scans: {
                                    id: string;
                                    contentVersion: number | null;
                                    policyVersion: string;
                                    action: string;
                                    verdict: {
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                        categories: {
                                            /** @enum {string} */
                                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            score: number;
                                            /** @enum {string} */
                                            action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                            urgent: boolean;
                                            legalGround: string;
                                            evidence: ({
                                                /** @enum {string} */
                                                source: "caption" | "ocr" | "asr";
                                                field: string;
                                                match: string;
                                                /** @description code points of the original text */
                                                start: number;
                                                end: number;
                                                term: string;
                                                lexicon: string;
                                                lexiconVersion: number;
                                                weight: number;
                                                language?: string;
                                                media?: number;
                                                text?: string;
                                                timestamp?: number;
                                                until?: number;
                                                box?: {
                                                    x: number;
                                                    y: number;
                                                    width: number;
                                                    height: number;
                                                };
                                                thumbnail?: string;
                                            } | {
                                                /** @enum {string} */
                                                source: "image";
                                                media: number;
                                                classifier: string;
                                                classes: string[];
                                                score: number;
                                                weight: number;
                                                frames: {
                                                    timestamp: number;
                                                    score: number;
                                                    thumbnail?: string;
                                                }[];
                                            } | {
                                                /** @enum {string} */
                                                source: "hash";
                                                media: number;
                                                bank: string;
                                                entryId: number;
                                                signalType: string;
                                                method: string;
                                                distance: number;
                                                provenance: string;
                                                sourceRef: string | null;
                                                queryMatchPercent?: number;
                                                comparedMatchPercent?: number;
                                                frames?: {
                                                    queryFrame: number;
                                                    queryTimestamp: number;
                                                    targetFrame?: number;
                                                    targetTimestamp?: number;
                                                    distance: number;
                                                }[];
                                                weight: number;
                                            } | {
                                                /** @enum {string} */
                                                source: "model";
                                                field: string;
                                                model: string;
                                                version: number | "builtin";
                                                label: string;
                                                score: number;
                                                weight: number;
                                                features?: {
                                                    feature: string;
                                                    weight: number;
                                                    start: number;
                                                    end: number;
                                                }[];
                                                language?: string;
                                                media?: number;
                                                timestamp?: number;
                                            })[];
                                            queue?: string;
                                            /** @enum {string} */
                                            priority?: "low" | "normal" | "high" | "urgent";
                                        }[];
                                        review?: {
                                            queue: string;
                                            /** @enum {string} */
                                            priority: "low" | "normal" | "high" | "urgent";
                                            /** @enum {string} */
                                            category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            /** @enum {string} */
                                            reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                        };
                                        policyVersion: string;
                                        signals: {
                                            entities: {
                                                field: string;
                                                /** @enum {string} */
                                                type: "url" | "domain" | "phone";
                                                value: string;
                                                match: string;
                                                start: number;
                                                end: number;
                                            }[];
                                            languages: {
                                                field: string;
                                                language: string;
                                                probability: number;
                                                reliable: boolean;
                                            }[];
                                            media?: {
                                                media: number;
                                                /** @enum {string} */
                                                kind: "image" | "video" | "unknown";
                                                sha256?: string;
                                                width?: number;
                                                height?: number;
                                                durationSeconds?: number;
                                                ocr?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                    box: {
                                                        x: number;
                                                        y: number;
                                                        width: number;
                                                        height: number;
                                                    };
                                                    confidence: number;
                                                    thumbnail?: string;
                                                }[];
                                                transcript?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                }[];
                                                nudity?: {
                                                    classifier: string;
                                                    frames: {
                                                        timestamp: number;
                                                        scores: {
                                                            [key: string]: number;
                                                        };
                                                        thumbnail?: string;
                                                    }[];
                                                };
                                                speech?: {
                                                    detected: boolean;
                                                    segments: {
                                                        start: number;
                                                        end: number;
                                                    }[];
                                                    speechSeconds: number;
                                                    transcribed: boolean;
                                                };
                                                frames?: {
                                                    sampled: number;
                                                    keyframes: number;
                                                    analysed: number;
                                                    duplicates: number;
                                                };
                                                steps: {
                                                    /** @enum {string} */
                                                    step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                                    /** @enum {string} */
                                                    status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                                    ms: number;
                                                    reason?: string;
                                                    code?: string;
                                                }[];
                                            }[];
                                            underage?: {
                                                score: number;
                                                age: {
                                                    min: number;
                                                    max: number;
                                                };
                                                evidence: {
                                                    field: string;
                                                    match: string;
                                                    start: number;
                                                    end: number;
                                                    /** @enum {string} */
                                                    kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                                    age: {
                                                        min: number;
                                                        max: number;
                                                    };
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                    };
                                    createdAt: string;
                                }[];
                                decisions: {
                                    id: string;
                                    contentId: string;
                                    scanId: string | null;
                                    /** @enum {string} */
                                    actorType: "automated" | "moderator" | "regulator_order";
                                    actorId: string | null;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    legalGround: string | null;
                                    automatedDetection: boolean;
                                    automatedDecision: boolean;
                                    statement: {
                                        decisionId: string;
                                        content: {
                                            id: string;
                                            externalId: string;
                                            kind: string;
                                        };
                                        /** @enum {string} */
                                        visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                        category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                        categoryLabel: {
                                            id: string;
                                            en: string;
                                        } | null;
                                        ground: {
                                            /** @enum {string} */
                                            type: "illegal_content" | "terms_of_service" | "none";
                                            legalGround: string | null;
                                            explanation: {
                                                id: string;
                                                en: string;
                                            };
                                        };
                                        facts: {
                                            summary: {
                                                id: string;
                                                en: string;
                                            };
                                            found: {
                                                /** @enum {string} */
                                                kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                                words?: string[];
                                                where: {
                                                    id: string;
                                                    en: string;
                                                };
                                                text: {
                                                    id: string;
                                                    en: string;
                                                };
                                            }[];
                                        };
                                        message: {
                                            id: string;
                                            en: string;
                                        };
                                        automatedDetection: boolean;
                                        /** @enum {string} */
                                        automatedDecision: "fully" | "partially" | "not_automated";
                                        /** @enum {string} */
                                        source: "own_initiative" | "notice" | "regulator_order";
                                        territorialScope: string[];
                                        redress: {
                                            /** @enum {string} */
                                            type: "internal_complaint" | "out_of_court" | "judicial";
                                            description: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                        decidedAt: string;
                                    };
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    reason: string | null;
                                    createdAt: string;
                                }[];
                                versions: {
                                    version: number;
                                    sha256: string;
                                    createdBy: string;
                                    createdAt: string;
                                }[];
                                analysis?: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "done" | "failed" | "cancelled";
                                    jobId: string | null;
                                    findings: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    scanId: string | null;
                                    error: {
                                        code: string;
                                        message: string;
                                    } | null;
                                    createdAt: string;
                                    startedAt: string | null;
                                    finishedAt: string | null;
                                };
                            };
                            created: boolean;
                            scanned: boolean;
                            verdict?: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                categories: {
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    score: number;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                    urgent: boolean;
                                    legalGround: string;
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    queue?: string;
                                    /** @enum {string} */
                                    priority?: "low" | "normal" | "high" | "urgent";
                                }[];
                                review?: {
                                    queue: string;
                                    /** @enum {string} */
                                    priority: "low" | "normal" | "high" | "urgent";
                                    /** @enum {string} */
                                    category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    /** @enum {string} */
                                    reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                };
                                policyVersion: string;
                                signals: {
                                    entities: {
                                        field: string;
                                        /** @enum {string} */
                                        type: "url" | "domain" | "phone";
                                        value: string;
                                        match: string;
                                        start: number;
                                        end: number;
                                    }[];
                                    languages: {
                                        field: string;
                                        language: string;
                                        probability: number;
                                        reliable: boolean;
                                    }[];
                                    media?: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    underage?: {
                                        score: number;
                                        age: {
                                            min: number;
                                            max: number;
                                        };
                                        evidence: {
                                            field: string;
                                            match: string;
                                            start: number;
                                            end: number;
                                            /** @enum {string} */
                                            kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                            age: {
                                                min: number;
                                                max: number;
                                            };
                                            weight: number;
                                        }[];
                                    };
                                };
                            };
                            analysis?: {
                                id: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed" | "cancelled";
                                jobId: string | null;
                                findings: {
                                    media: number;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    sha256?: string;
                                    width?: number;
                                    height?: number;
                                    durationSeconds?: number;
                                    ocr?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                        box: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        confidence: number;
                                        thumbnail?: string;
                                    }[];
                                    transcript?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                    }[];
                                    nudity?: {
                                        classifier: string;
                                        frames: {
                                            timestamp: number;
                                            scores: {
                                                [key: string]: number;
                                            };
                                            thumbnail?: string;
                                        }[];
                                    };
                                    speech?: {
                                        detected: boolean;
                                        segments: {
                                            start: number;
                                            end: number;
                                        }[];
                                        speechSeconds: number;
                                        transcribed: boolean;
                                    };
                                    frames?: {
                                        sampled: number;
                                        keyframes: number;
                                        analysed: number;
                                        duplicates: number;
                                    };
                                    steps: {
                                        /** @enum {string} */
                                        step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                        /** @enum {string} */
                                        status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                        ms: number;
                                        reason?: string;
                                        code?: string;
                                    }[];
                                }[];
                                scanId: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                account: {
                                    id: string;
                                    externalId: string;
                                } | null;
                                texts: {
                                    [key: string]: string;
                                };
                                media: unknown[];
                                audience: string;
                                status: string;
                                restriction: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                postedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                scans: {
                                    id: string;
                                    contentVersion: number | null;
                                    policyVersion: string;
                                    action: string;
                                    verdict: {
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                        categories: {
                                            /** @enum {string} */
                                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            score: number;
                                            /** @enum {string} */
                                            action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                            urgent: boolean;
                                            legalGround: string;
                                            evidence: ({
                                                /** @enum {string} */
                                                source: "caption" | "ocr" | "asr";
                                                field: string;
                                                match: string;
                                                /** @description code points of the original text */
                                                start: number;
                                                end: number;
                                                term: string;
                                                lexicon: string;
                                                lexiconVersion: number;
                                                weight: number;
                                                language?: string;
                                                media?: number;
                                                text?: string;
                                                timestamp?: number;
                                                until?: number;
                                                box?: {
                                                    x: number;
                                                    y: number;
                                                    width: number;
                                                    height: number;
                                                };
                                                thumbnail?: string;
                                            } | {
                                                /** @enum {string} */
                                                source: "image";
                                                media: number;
                                                classifier: string;
                                                classes: string[];
                                                score: number;
                                                weight: number;
                                                frames: {
                                                    timestamp: number;
                                                    score: number;
                                                    thumbnail?: string;
                                                }[];
                                            } | {
                                                /** @enum {string} */
                                                source: "hash";
                                                media: number;
                                                bank: string;
                                                entryId: number;
                                                signalType: string;
                                                method: string;
                                                distance: number;
                                                provenance: string;
                                                sourceRef: string | null;
                                                queryMatchPercent?: number;
                                                comparedMatchPercent?: number;
                                                frames?: {
                                                    queryFrame: number;
                                                    queryTimestamp: number;
                                                    targetFrame?: number;
                                                    targetTimestamp?: number;
                                                    distance: number;
                                                }[];
                                                weight: number;
                                            } | {
                                                /** @enum {string} */
                                                source: "model";
                                                field: string;
                                                model: string;
                                                version: number | "builtin";
                                                label: string;
                                                score: number;
                                                weight: number;
                                                features?: {
                                                    feature: string;
                                                    weight: number;
                                                    start: number;
                                                    end: number;
                                                }[];
                                                language?: string;
                                                media?: number;
                                                timestamp?: number;
                                            })[];
                                            queue?: string;
                                            /** @enum {string} */
                                            priority?: "low" | "normal" | "high" | "urgent";
                                        }[];
                                        review?: {
                                            queue: string;
                                            /** @enum {string} */
                                            priority: "low" | "normal" | "high" | "urgent";
                                            /** @enum {string} */
                                            category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            /** @enum {string} */
                                            reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                        };
                                        policyVersion: string;
                                        signals: {
                                            entities: {
                                                field: string;
                                                /** @enum {string} */
                                                type: "url" | "domain" | "phone";
                                                value: string;
                                                match: string;
                                                start: number;
                                                end: number;
                                            }[];
                                            languages: {
                                                field: string;
                                                language: string;
                                                probability: number;
                                                reliable: boolean;
                                            }[];
                                            media?: {
                                                media: number;
                                                /** @enum {string} */
                                                kind: "image" | "video" | "unknown";
                                                sha256?: string;
                                                width?: number;
                                                height?: number;
                                                durationSeconds?: number;
                                                ocr?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                    box: {
                                                        x: number;
                                                        y: number;
                                                        width: number;
                                                        height: number;
                                                    };
                                                    confidence: number;
                                                    thumbnail?: string;
                                                }[];
                                                transcript?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                }[];
                                                nudity?: {
                                                    classifier: string;
                                                    frames: {
                                                        timestamp: number;
                                                        scores: {
                                                            [key: string]: number;
                                                        };
                                                        thumbnail?: string;
                                                    }[];
                                                };
                                                speech?: {
                                                    detected: boolean;
                                                    segments: {
                                                        start: number;
                                                        end: number;
                                                    }[];
                                                    speechSeconds: number;
                                                    transcribed: boolean;
                                                };
                                                frames?: {
                                                    sampled: number;
                                                    keyframes: number;
                                                    analysed: number;
                                                    duplicates: number;
                                                };
                                                steps: {
                                                    /** @enum {string} */
                                                    step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                                    /** @enum {string} */
                                                    status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                                    ms: number;
                                                    reason?: string;
                                                    code?: string;
                                                }[];
                                            }[];
                                            underage?: {
                                                score: number;
                                                age: {
                                                    min: number;
                                                    max: number;
                                                };
                                                evidence: {
                                                    field: string;
                                                    match: string;
                                                    start: number;
                                                    end: number;
                                                    /** @enum {string} */
                                                    kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                                    age: {
                                                        min: number;
                                                        max: number;
                                                    };
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                    };
                                    createdAt: string;
                                }[];
                                decisions: {
                                    id: string;
                                    contentId: string;
                                    scanId: string | null;
                                    /** @enum {string} */
                                    actorType: "automated" | "moderator" | "regulator_order";
                                    actorId: string | null;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    legalGround: string | null;
                                    automatedDetection: boolean;
                                    automatedDecision: boolean;
                                    statement: {
                                        decisionId: string;
                                        content: {
                                            id: string;
                                            externalId: string;
                                            kind: string;
                                        };
                                        /** @enum {string} */
                                        visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                        category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                        categoryLabel: {
                                            id: string;
                                            en: string;
                                        } | null;
                                        ground: {
                                            /** @enum {string} */
                                            type: "illegal_content" | "terms_of_service" | "none";
                                            legalGround: string | null;
                                            explanation: {
                                                id: string;
                                                en: string;
                                            };
                                        };
                                        facts: {
                                            summary: {
                                                id: string;
                                                en: string;
                                            };
                                            found: {
                                                /** @enum {string} */
                                                kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                                words?: string[];
                                                where: {
                                                    id: string;
                                                    en: string;
                                                };
                                                text: {
                                                    id: string;
                                                    en: string;
                                                };
                                            }[];
                                        };
                                        message: {
                                            id: string;
                                            en: string;
                                        };
                                        automatedDetection: boolean;
                                        /** @enum {string} */
                                        automatedDecision: "fully" | "partially" | "not_automated";
                                        /** @enum {string} */
                                        source: "own_initiative" | "notice" | "regulator_order";
                                        territorialScope: string[];
                                        redress: {
                                            /** @enum {string} */
                                            type: "internal_complaint" | "out_of_court" | "judicial";
                                            description: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                        decidedAt: string;
                                    };
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    reason: string | null;
                                    createdAt: string;
                                }[];
                                versions: {
                                    version: number;
                                    sha256: string;
                                    createdBy: string;
                                    createdAt: string;
                                }[];
                                analysis?: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "done" | "failed" | "cancelled";
                                    jobId: string | null;
                                    findings: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    scanId: string | null;
                                    error: {
                                        code: string;
                                        message: string;
                                    } | null;
                                    createdAt: string;
                                    startedAt: string | null;
                                    finishedAt: string | null;
                                };
                            };
                            created: boolean;
                            scanned: boolean;
                            verdict?: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                categories: {
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    score: number;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                    urgent: boolean;
                                    legalGround: string;
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    queue?: string;
                                    /** @enum {string} */
                                    priority?: "low" | "normal" | "high" | "urgent";
                                }[];
                                review?: {
                                    queue: string;
                                    /** @enum {string} */
                                    priority: "low" | "normal" | "high" | "urgent";
                                    /** @enum {string} */
                                    category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    /** @enum {string} */
                                    reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                };
                                policyVersion: string;
                                signals: {
                                    entities: {
                                        field: string;
                                        /** @enum {string} */
                                        type: "url" | "domain" | "phone";
                                        value: string;
                                        match: string;
                                        start: number;
                                        end: number;
                                    }[];
                                    languages: {
                                        field: string;
                                        language: string;
                                        probability: number;
                                        reliable: boolean;
                                    }[];
                                    media?: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    underage?: {
                                        score: number;
                                        age: {
                                            min: number;
                                            max: number;
                                        };
                                        evidence: {
                                            field: string;
                                            match: string;
                                            start: number;
                                            end: number;
                                            /** @enum {string} */
                                            kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                            age: {
                                                min: number;
                                                max: number;
                                            };
                                            weight: number;
                                        }[];
                                    };
                                };
                            };
                            analysis?: {
                                id: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed" | "cancelled";
                                jobId: string | null;
                                findings: {
                                    media: number;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    sha256?: string;
                                    width?: number;
                                    height?: number;
                                    durationSeconds?: number;
                                    ocr?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                        box: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        confidence: number;
                                        thumbnail?: string;
                                    }[];
                                    transcript?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                    }[];
                                    nudity?: {
                                        classifier: string;
                                        frames: {
                                            timestamp: number;
                                            scores: {
                                                [key: string]: number;
                                            };
                                            thumbnail?: string;
                                        }[];
                                    };
                                    speech?: {
                                        detected: boolean;
                                        segments: {
                                            start: number;
                                            end: number;
                                        }[];
                                        speechSeconds: number;
                                        transcribed: boolean;
                                    };
                                    frames?: {
                                        sampled: number;
                                        keyframes: number;
                                        analysed: number;
                                        duplicates: number;
                                    };
                                    steps: {
                                        /** @enum {string} */
                                        step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                        /** @enum {string} */
                                        status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                        ms: number;
                                        reason?: string;
                                        code?: string;
                                    }[];
                                }[];
                                scanId: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/analysis": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Cancel the item's queued or running media analysis (nothing is judged; submit again to restart) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * One version of a content item as the platform sent it (texts, media, metadata)
         * @description Sending an item again with changed texts or media makes a new version; the old ones are kept, and each scan names the version it judged.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            sha256: string;
                            kind: string;
                            texts: {
                                [key: string]: string;
                            };
                            media: unknown[];
                            audience: string;
                            metadata: {
                                [key: string]: unknown;
                            };
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A content item with its scans and decisions (by Saring's id or the platform's externalId) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string;
                            kind: string;
                            account: {
                                id: string;
                                externalId: string;
                            } | null;
                            texts: {
                                [key: string]: string;
                            };
                            media: unknown[];
                            audience: string;
                            status: string;
                            restriction: string | null;
                            metadata: {
                                [key: string]: unknown;
                            };
                            version: number;
                            postedAt: string | null;
                            createdAt: string;
                            updatedAt: string;
                            scans: {
                                id: string;
                                contentVersion: number | null;
                                policyVersion: string;
                                action: string;
                                verdict: {
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                    categories: {
                                        /** @enum {string} */
                                        category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                        score: number;
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                        urgent: boolean;
                                        legalGround: string;
                                        evidence: ({
                                            /** @enum {string} */
                                            source: "caption" | "ocr" | "asr";
                                            field: string;
                                            match: string;
                                            /** @description code points of the original text */
                                            start: number;
                                            end: number;
                                            term: string;
                                            lexicon: string;
                                            lexiconVersion: number;
                                            weight: number;
                                            language?: string;
                                            media?: number;
                                            text?: string;
                                            timestamp?: number;
                                            until?: number;
                                            box?: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            thumbnail?: string;
                                        } | {
                                            /** @enum {string} */
                                            source: "image";
                                            media: number;
                                            classifier: string;
                                            classes: string[];
                                            score: number;
                                            weight: number;
                                            frames: {
                                                timestamp: number;
                                                score: number;
                                                thumbnail?: string;
                                            }[];
                                        } | {
                                            /** @enum {string} */
                                            source: "hash";
                                            media: number;
                                            bank: string;
                                            entryId: number;
                                            signalType: string;
                                            method: string;
                                            distance: number;
                                            provenance: string;
                                            sourceRef: string | null;
                                            queryMatchPercent?: number;
                                            comparedMatchPercent?: number;
                                            frames?: {
                                                queryFrame: number;
                                                queryTimestamp: number;
                                                targetFrame?: number;
                                                targetTimestamp?: number;
                                                distance: number;
                                            }[];
                                            weight: number;
                                        } | {
                                            /** @enum {string} */
                                            source: "model";
                                            field: string;
                                            model: string;
                                            version: number | "builtin";
                                            label: string;
                                            score: number;
                                            weight: number;
                                            features?: {
                                                feature: string;
                                                weight: number;
                                                start: number;
                                                end: number;
                                            }[];
                                            language?: string;
                                            media?: number;
                                            timestamp?: number;
                                        })[];
                                        queue?: string;
                                        /** @enum {string} */
                                        priority?: "low" | "normal" | "high" | "urgent";
                                    }[];
                                    review?: {
                                        queue: string;
                                        /** @enum {string} */
                                        priority: "low" | "normal" | "high" | "urgent";
                                        /** @enum {string} */
                                        category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                        /** @enum {string} */
                                        reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                    };
                                    policyVersion: string;
                                    signals: {
                                        entities: {
                                            field: string;
                                            /** @enum {string} */
                                            type: "url" | "domain" | "phone";
                                            value: string;
                                            match: string;
                                            start: number;
                                            end: number;
                                        }[];
                                        languages: {
                                            field: string;
                                            language: string;
                                            probability: number;
                                            reliable: boolean;
                                        }[];
                                        media?: {
                                            media: number;
                                            /** @enum {string} */
                                            kind: "image" | "video" | "unknown";
                                            sha256?: string;
                                            width?: number;
                                            height?: number;
                                            durationSeconds?: number;
                                            ocr?: {
                                                text: string;
                                                timestamp: number;
                                                until: number;
                                                box: {
                                                    x: number;
                                                    y: number;
                                                    width: number;
                                                    height: number;
                                                };
                                                confidence: number;
                                                thumbnail?: string;
                                            }[];
                                            transcript?: {
                                                text: string;
                                                timestamp: number;
                                                until: number;
                                            }[];
                                            nudity?: {
                                                classifier: string;
                                                frames: {
                                                    timestamp: number;
                                                    scores: {
                                                        [key: string]: number;
                                                    };
                                                    thumbnail?: string;
                                                }[];
                                            };
                                            speech?: {
                                                detected: boolean;
                                                segments: {
                                                    start: number;
                                                    end: number;
                                                }[];
                                                speechSeconds: number;
                                                transcribed: boolean;
                                            };
                                            frames?: {
                                                sampled: number;
                                                keyframes: number;
                                                analysed: number;
                                                duplicates: number;
                                            };
                                            steps: {
                                                /** @enum {string} */
                                                step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                                /** @enum {string} */
                                                status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                                ms: number;
                                                reason?: string;
                                                code?: string;
                                            }[];
                                        }[];
                                        underage?: {
                                            score: number;
                                            age: {
                                                min: number;
                                                max: number;
                                            };
                                            evidence: {
                                                field: string;
                                                match: string;
                                                start: number;
                                                end: number;
                                                /** @enum {string} */
                                                kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                                age: {
                                                    min: number;
                                                    max: number;
                                                };
                                                weight: number;
                                            }[];
                                        };
                                    };
                                };
                                createdAt: string;
                            }[];
                            decisions: {
                                id: string;
                                contentId: string;
                                scanId: string | null;
                                /** @enum {string} */
                                actorType: "automated" | "moderator" | "regulator_order";
                                actorId: string | null;
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                legalGround: string | null;
                                automatedDetection: boolean;
                                automatedDecision: boolean;
                                statement: {
                                    decisionId: string;
                                    content: {
                                        id: string;
                                        externalId: string;
                                        kind: string;
                                    };
                                    /** @enum {string} */
                                    visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    categoryLabel: {
                                        id: string;
                                        en: string;
                                    } | null;
                                    ground: {
                                        /** @enum {string} */
                                        type: "illegal_content" | "terms_of_service" | "none";
                                        legalGround: string | null;
                                        explanation: {
                                            id: string;
                                            en: string;
                                        };
                                    };
                                    facts: {
                                        summary: {
                                            id: string;
                                            en: string;
                                        };
                                        found: {
                                            /** @enum {string} */
                                            kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                            words?: string[];
                                            where: {
                                                id: string;
                                                en: string;
                                            };
                                            text: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                    };
                                    message: {
                                        id: string;
                                        en: string;
                                    };
                                    automatedDetection: boolean;
                                    /** @enum {string} */
                                    automatedDecision: "fully" | "partially" | "not_automated";
                                    /** @enum {string} */
                                    source: "own_initiative" | "notice" | "regulator_order";
                                    territorialScope: string[];
                                    redress: {
                                        /** @enum {string} */
                                        type: "internal_complaint" | "out_of_court" | "judicial";
                                        description: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                    decidedAt: string;
                                };
                                evidence: ({
                                    /** @enum {string} */
                                    source: "caption" | "ocr" | "asr";
                                    field: string;
                                    match: string;
                                    /** @description code points of the original text */
                                    start: number;
                                    end: number;
                                    term: string;
                                    lexicon: string;
                                    lexiconVersion: number;
                                    weight: number;
                                    language?: string;
                                    media?: number;
                                    text?: string;
                                    timestamp?: number;
                                    until?: number;
                                    box?: {
                                        x: number;
                                        y: number;
                                        width: number;
                                        height: number;
                                    };
                                    thumbnail?: string;
                                } | {
                                    /** @enum {string} */
                                    source: "image";
                                    media: number;
                                    classifier: string;
                                    classes: string[];
                                    score: number;
                                    weight: number;
                                    frames: {
                                        timestamp: number;
                                        score: number;
                                        thumbnail?: string;
                                    }[];
                                } | {
                                    /** @enum {string} */
                                    source: "hash";
                                    media: number;
                                    bank: string;
                                    entryId: number;
                                    signalType: string;
                                    method: string;
                                    distance: number;
                                    provenance: string;
                                    sourceRef: string | null;
                                    queryMatchPercent?: number;
                                    comparedMatchPercent?: number;
                                    frames?: {
                                        queryFrame: number;
                                        queryTimestamp: number;
                                        targetFrame?: number;
                                        targetTimestamp?: number;
                                        distance: number;
                                    }[];
                                    weight: number;
                                } | {
                                    /** @enum {string} */
                                    source: "model";
                                    field: string;
                                    model: string;
                                    version: number | "builtin";
                                    label: string;
                                    score: number;
                                    weight: number;
                                    features?: {
                                        feature: string;
                                        weight: number;
                                        start: number;
                                        end: number;
                                    }[];
                                    language?: string;
                                    media?: number;
                                    timestamp?: number;
                                })[];
                                reason: string | null;
                                createdAt: string;
                            }[];
                            versions: {
                                version: number;
                                sha256: string;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            analysis?: {
                                id: string;
                                /** @enum {string} */
                                status: "queued" | "running" | "done" | "failed" | "cancelled";
                                jobId: string | null;
                                findings: {
                                    media: number;
                                    /** @enum {string} */
                                    kind: "image" | "video" | "unknown";
                                    sha256?: string;
                                    width?: number;
                                    height?: number;
                                    durationSeconds?: number;
                                    ocr?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                        box: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        confidence: number;
                                        thumbnail?: string;
                                    }[];
                                    transcript?: {
                                        text: string;
                                        timestamp: number;
                                        until: number;
                                    }[];
                                    nudity?: {
                                        classifier: string;
                                        frames: {
                                            timestamp: number;
                                            scores: {
                                                [key: string]: number;
                                            };
                                            thumbnail?: string;
                                        }[];
                                    };
                                    speech?: {
                                        detected: boolean;
                                        segments: {
                                            start: number;
                                            end: number;
                                        }[];
                                        speechSeconds: number;
                                        transcribed: boolean;
                                    };
                                    frames?: {
                                        sampled: number;
                                        keyframes: number;
                                        analysed: number;
                                        duplicates: number;
                                    };
                                    steps: {
                                        /** @enum {string} */
                                        step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                        /** @enum {string} */
                                        status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                        ms: number;
                                        reason?: string;
                                        code?: string;
                                    }[];
                                }[];
                                scanId: string | null;
                                error: {
                                    code: string;
                                    message: string;
                                } | null;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Store and scan up to 1000 content items in one call, one result per item in order
         * @description Each item is what `POST /v1/content` takes, plus an optional `createdAt` (ISO 8601, when the platform created it; shown as `postedAt`). Items are validated one by one: a bad item gets `ok: false` and its `error` (code, message), the others are stored, in one transaction. Idempotent by externalId like `POST /v1/content`: an item sent again unchanged changes nothing; changed texts or media make a new version. Two items with the same externalId and different content in one call: the later one is refused (`duplicate_external_id`). Verdicts are acted on as for `POST /v1/content`; items whose media must be read are analysed in jobs (`analysing: true`). `scan: false` stores without scanning (a sweep scans them later). The body may be up to 16 MiB.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        items: unknown[];
                        /** @default true */
                        scan?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                index: number;
                                externalId: string | null;
                                ok: boolean;
                                id?: string;
                                created?: boolean;
                                changed?: boolean;
                                scanned?: boolean;
                                analysing?: boolean;
                                status?: string;
                                action?: string;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                            }[];
                            counts: {
                                ok: number;
                                failed: number;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/uploads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload an image or video (raw body) for a later content item
         * @description curl --data-binary @clip.mp4 -H "content-type: video/mp4" …/v1/uploads. Returns `{ upload, bytes, kind, sha256 }` (201 new, 200 known); send `media: [{ type: "video", upload }]` with `POST /v1/content` to have it analysed. The same bytes give the same id. Over `SARING_MEDIA_MAX_BYTES`, a decompression bomb, frames over 4096 pixels a side or a video longer than `SARING_MEDIA_MAX_SECONDS`: 413; corrupt: 422; not an image or video: 415.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/media/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A content item's image or video itself (uploads and paths under the media roots), with byte ranges for players */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/media/{sha256}/thumbnails/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A frame thumbnail of analysed media (`t0005.00.jpg`, or `t0005.00.blur.jpg` blurred for the review console) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    sha256: string;
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/content/{id}/decisions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record a moderator's decision on a content item
         * @description Decisions in the senior-only categories (CSAM, terrorism) need the senior_moderator or admin role (permission `decide:severe`), and so does any decision on content whose current decision, or whose latest scan's verdict, is in such a category: reversing, restricting or relabelling it, with or without `category`. Otherwise 403 `forbidden`, and nothing is recorded. The answer is the decision: `statement` is the statement of reasons for the uploader (plain words in Bahasa Indonesia and English), `evidence` the technical evidence for moderators and auditors.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                        category?: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contentId: string;
                            scanId: string | null;
                            /** @enum {string} */
                            actorType: "automated" | "moderator" | "regulator_order";
                            actorId: string | null;
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            legalGround: string | null;
                            automatedDetection: boolean;
                            automatedDecision: boolean;
                            statement: {
                                decisionId: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                };
                                /** @enum {string} */
                                visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                categoryLabel: {
                                    id: string;
                                    en: string;
                                } | null;
                                ground: {
                                    /** @enum {string} */
                                    type: "illegal_content" | "terms_of_service" | "none";
                                    legalGround: string | null;
                                    explanation: {
                                        id: string;
                                        en: string;
                                    };
                                };
                                facts: {
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    found: {
                                        /** @enum {string} */
                                        kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                        words?: string[];
                                        where: {
                                            id: string;
                                            en: string;
                                        };
                                        text: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                };
                                message: {
                                    id: string;
                                    en: string;
                                };
                                automatedDetection: boolean;
                                /** @enum {string} */
                                automatedDecision: "fully" | "partially" | "not_automated";
                                /** @enum {string} */
                                source: "own_initiative" | "notice" | "regulator_order";
                                territorialScope: string[];
                                redress: {
                                    /** @enum {string} */
                                    type: "internal_complaint" | "out_of_court" | "judicial";
                                    description: {
                                        id: string;
                                        en: string;
                                    };
                                }[];
                                decidedAt: string;
                            };
                            evidence: ({
                                /** @enum {string} */
                                source: "caption" | "ocr" | "asr";
                                field: string;
                                match: string;
                                /** @description code points of the original text */
                                start: number;
                                end: number;
                                term: string;
                                lexicon: string;
                                lexiconVersion: number;
                                weight: number;
                                language?: string;
                                media?: number;
                                text?: string;
                                timestamp?: number;
                                until?: number;
                                box?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                thumbnail?: string;
                            } | {
                                /** @enum {string} */
                                source: "image";
                                media: number;
                                classifier: string;
                                classes: string[];
                                score: number;
                                weight: number;
                                frames: {
                                    timestamp: number;
                                    score: number;
                                    thumbnail?: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                source: "hash";
                                media: number;
                                bank: string;
                                entryId: number;
                                signalType: string;
                                method: string;
                                distance: number;
                                provenance: string;
                                sourceRef: string | null;
                                queryMatchPercent?: number;
                                comparedMatchPercent?: number;
                                frames?: {
                                    queryFrame: number;
                                    queryTimestamp: number;
                                    targetFrame?: number;
                                    targetTimestamp?: number;
                                    distance: number;
                                }[];
                                weight: number;
                            } | {
                                /** @enum {string} */
                                source: "model";
                                field: string;
                                model: string;
                                version: number | "builtin";
                                label: string;
                                score: number;
                                weight: number;
                                features?: {
                                    feature: string;
                                    weight: number;
                                    start: number;
                                    end: number;
                                }[];
                                language?: string;
                                media?: number;
                                timestamp?: number;
                            })[];
                            reason: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/decisions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A decision with its statement of reasons
         * @description `statement` is what the platform forwards to the uploader (`statement.message`, or its parts: `facts.summary`, `facts.found`, `ground`, `redress`), in Bahasa Indonesia (`id`) and English (`en`), without lexicon terms, weights, scores or bank entries; `evidence` is the technical evidence (lexicon terms, weights, model scores, bank entries, frames) for moderators and auditors.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contentId: string;
                            scanId: string | null;
                            /** @enum {string} */
                            actorType: "automated" | "moderator" | "regulator_order";
                            actorId: string | null;
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            legalGround: string | null;
                            automatedDetection: boolean;
                            automatedDecision: boolean;
                            statement: {
                                decisionId: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                };
                                /** @enum {string} */
                                visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                categoryLabel: {
                                    id: string;
                                    en: string;
                                } | null;
                                ground: {
                                    /** @enum {string} */
                                    type: "illegal_content" | "terms_of_service" | "none";
                                    legalGround: string | null;
                                    explanation: {
                                        id: string;
                                        en: string;
                                    };
                                };
                                facts: {
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    found: {
                                        /** @enum {string} */
                                        kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                        words?: string[];
                                        where: {
                                            id: string;
                                            en: string;
                                        };
                                        text: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                };
                                message: {
                                    id: string;
                                    en: string;
                                };
                                automatedDetection: boolean;
                                /** @enum {string} */
                                automatedDecision: "fully" | "partially" | "not_automated";
                                /** @enum {string} */
                                source: "own_initiative" | "notice" | "regulator_order";
                                territorialScope: string[];
                                redress: {
                                    /** @enum {string} */
                                    type: "internal_complaint" | "out_of_court" | "judicial";
                                    description: {
                                        id: string;
                                        en: string;
                                    };
                                }[];
                                decidedAt: string;
                            };
                            evidence: ({
                                /** @enum {string} */
                                source: "caption" | "ocr" | "asr";
                                field: string;
                                match: string;
                                /** @description code points of the original text */
                                start: number;
                                end: number;
                                term: string;
                                lexicon: string;
                                lexiconVersion: number;
                                weight: number;
                                language?: string;
                                media?: number;
                                text?: string;
                                timestamp?: number;
                                until?: number;
                                box?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                thumbnail?: string;
                            } | {
                                /** @enum {string} */
                                source: "image";
                                media: number;
                                classifier: string;
                                classes: string[];
                                score: number;
                                weight: number;
                                frames: {
                                    timestamp: number;
                                    score: number;
                                    thumbnail?: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                source: "hash";
                                media: number;
                                bank: string;
                                entryId: number;
                                signalType: string;
                                method: string;
                                distance: number;
                                provenance: string;
                                sourceRef: string | null;
                                queryMatchPercent?: number;
                                comparedMatchPercent?: number;
                                frames?: {
                                    queryFrame: number;
                                    queryTimestamp: number;
                                    targetFrame?: number;
                                    targetTimestamp?: number;
                                    distance: number;
                                }[];
                                weight: number;
                            } | {
                                /** @enum {string} */
                                source: "model";
                                field: string;
                                model: string;
                                version: number | "builtin";
                                label: string;
                                score: number;
                                weight: number;
                                features?: {
                                    feature: string;
                                    weight: number;
                                    start: number;
                                    end: number;
                                }[];
                                language?: string;
                                media?: number;
                                timestamp?: number;
                            })[];
                            reason: string | null;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/hash": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hash an uploaded image or video (raw body): PDQ or vPDQ, cropped hashes, MD5, SHA-256
         * @description curl --data-binary @photo.jpg -H "content-type: application/octet-stream" …/v1/hash. The body streams to disk under `SARING_MEDIA_MAX_BYTES`; at most `SARING_HASH_CONCURRENCY` files are hashed at once per process, a few more wait, then 429.
         */
        post: {
            parameters: {
                query?: {
                    secondsPerHash?: number;
                    dihedral?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/match": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bank entries a hash or an uploaded file matches
         * @description JSON `{ pdq, quality }`, `{ md5 }`, `{ sha256 }` or `{ vpdq: frames }`; or the file itself as the raw body.
         */
        post: {
            parameters: {
                query?: {
                    secondsPerHash?: number;
                    dihedral?: "true" | "false";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/banks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Banks with their entry counts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Create a bank */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        description?: string;
                        enabled?: boolean;
                        pdqThreshold?: number;
                        minQuality?: number;
                        vpdqQueryPercent?: number;
                        vpdqComparedPercent?: number;
                        /** @enum {string} */
                        action?: "review" | "restrict_16" | "restrict_18" | "remove";
                        category?: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/banks/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One bank */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enable, disable or re-configure a bank */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        enabled?: boolean;
                        pdqThreshold?: number;
                        minQuality?: number;
                        vpdqQueryPercent?: number;
                        vpdqComparedPercent?: number;
                        /** @enum {string} */
                        action?: "review" | "restrict_16" | "restrict_18" | "remove";
                        category?: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/banks/{name}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Entries in id order (page with afterId) */
        get: {
            parameters: {
                query?: {
                    afterId?: number;
                    limit?: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Add hashes (manual provenance) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: unknown[];
                        sourceRef?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/banks/{name}/entries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete an entry (kept in the audit log) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    id: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        /** Enable or disable an entry */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    id: number;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/banks/{name}/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Import a hash list: CSV `signal_type,signal_value[,category,note]`, or a vPDQ hash file (format=vpdq) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        csv?: string;
                        vpdq?: string;
                        id?: string;
                        /** @enum {string} */
                        category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                        /**
                         * @default import
                         * @enum {string}
                         */
                        provenance?: "import" | "regulator_order";
                        sourceRef?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/banks/{name}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export as CSV (`signal_type,signal_value,category,note`) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active policy */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Store a policy as a new version and activate it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source?: string;
                        document?: {
                            [key: string]: unknown;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every stored policy version, newest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One policy version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/validate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Check a policy without storing it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        source?: string;
                        document?: {
                            [key: string]: unknown;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/policy/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate a stored version (rollback) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lexicons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every lexicon with its active version */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lexicons/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A lexicon with its entries (active version, or ?version=N) */
        get: {
            parameters: {
                query?: {
                    version?: number;
                };
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        /** Store a whole lexicon as its next version (creates it if new) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category: string;
                        /**
                         * @default terms
                         * @enum {string}
                         */
                        kind?: "terms" | "domains";
                        entries: unknown[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Enable or disable a lexicon */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        enabled: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        trace?: never;
    };
    "/v1/lexicons/{name}/entries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add entries (a new version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        entries: unknown[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lexicons/{name}/entries/remove": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Remove entries by term (a new version) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        terms: string[];
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lexicons/{name}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A lexicon's versions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/lexicons/{name}/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Activate an earlier version (rollback) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered text classifiers and their versions (metrics, labels, size) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/versions/{version}/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Make a stored version active (scans use it at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                    version: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/train": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Train a new version from labelled rows (a job); it is registered when done, active only if asked
         * @description Body: `{ rows: [{ text, labels: [0|1, …] | "class" }], labelNames?, holdout = 0.2, seed = 1, activate = false, note? }`. Texts are de-duplicated before the holdout split; the metrics are in GET /v1/models.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/evaluate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Precision, recall and F1 of the active version on labelled rows `[{ text, labels }]` */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/models/{name}/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** The active version's scores for some texts, with the features that moved them */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        texts: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Audit log entries in order (page with afterSeq) */
        get: {
            parameters: {
                query?: {
                    afterSeq?: number;
                    limit?: number;
                    subjectType?: string;
                    subjectId?: string;
                    action?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Verify the hash chain and the signed checkpoints; reports what was changed, reordered or cut off */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Verify as GET does, and also against a checkpoint kept outside Saring */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        checkpoint: {
                            seq: number;
                            hash: string;
                            /** Format: date-time */
                            at: string;
                            keyId: string;
                            publicKey: string;
                            signature: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/checkpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign the current head of the log now: a checkpoint to store outside Saring */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audit/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A verifiable copy of the log: JSON Lines of entries (after afterSeq), then a checkpoint signed for it */
        get: {
            parameters: {
                query?: {
                    afterSeq?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Registered endpoints */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** Register an endpoint; the signing secret is returned once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        url: string;
                        events?: string[];
                        secret?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Deactivate an endpoint */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/webhooks/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recent deliveries and their attempts */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "delivered" | "failed";
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The person signed in, with the CSRF token of the session (or the key’s user) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            /** @enum {string} */
                            via: "key" | "session";
                            permissions: ("scan" | "content:read" | "decide" | "decide:severe" | "review:read" | "review:metrics" | "reports:submit" | "appeals:submit" | "reporters:manage" | "policy:read" | "policy:write" | "lexicon:read" | "lexicon:write" | "audit:read" | "banks:read" | "banks:write" | "banks:export" | "users:manage" | "webhooks:manage" | "settings:manage" | "transparency:read" | "orders:submit" | "orders:read" | "orders:verify" | "orders:answer" | "orders:warnings" | "age:write" | "age:read" | "age:decide" | "eligibility:read" | "youth:deactivation" | "youth:deactivation-summary" | "youth:risk" | "programme:read" | "programme:nominate" | "programme:approve" | "children:report" | "content:import" | "sweeps:read" | "sweeps:run" | "jobs:manage" | "metrics:read")[];
                            csrfToken?: string;
                            expiresAt?: string;
                            idleExpiresAt?: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Sign in: sets the saring_session cookie and returns the CSRF token to send as X-CSRF-Token
         * @description Failed sign-ins are counted per login and per address: too many lock the login (423 account_locked, with `unlocksAt`) or refuse the address (429 rate_limited). A wrong password and an unknown login answer alike (401 invalid_credentials).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        login: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            /** @enum {string} */
                            via: "key" | "session";
                            permissions: ("scan" | "content:read" | "decide" | "decide:severe" | "review:read" | "review:metrics" | "reports:submit" | "appeals:submit" | "reporters:manage" | "policy:read" | "policy:write" | "lexicon:read" | "lexicon:write" | "audit:read" | "banks:read" | "banks:write" | "banks:export" | "users:manage" | "webhooks:manage" | "settings:manage" | "transparency:read" | "orders:submit" | "orders:read" | "orders:verify" | "orders:answer" | "orders:warnings" | "age:write" | "age:read" | "age:decide" | "eligibility:read" | "youth:deactivation" | "youth:deactivation-summary" | "youth:risk" | "programme:read" | "programme:nominate" | "programme:approve" | "children:report" | "content:import" | "sweeps:read" | "sweeps:run" | "jobs:manage" | "metrics:read")[];
                            csrfToken?: string;
                            expiresAt?: string;
                            idleExpiresAt?: string;
                        };
                    };
                };
            };
        };
        /** Sign out (this session) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/session/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign out everywhere: every session of the caller ends */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessionsEnded: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/invites/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Accept an invite: choose a password and sign in (the token is in the body, never in a URL) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                        password: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            /** @enum {string} */
                            via: "key" | "session";
                            permissions: ("scan" | "content:read" | "decide" | "decide:severe" | "review:read" | "review:metrics" | "reports:submit" | "appeals:submit" | "reporters:manage" | "policy:read" | "policy:write" | "lexicon:read" | "lexicon:write" | "audit:read" | "banks:read" | "banks:write" | "banks:export" | "users:manage" | "webhooks:manage" | "settings:manage" | "transparency:read" | "orders:submit" | "orders:read" | "orders:verify" | "orders:answer" | "orders:warnings" | "age:write" | "age:read" | "age:decide" | "eligibility:read" | "youth:deactivation" | "youth:deactivation-summary" | "youth:risk" | "programme:read" | "programme:nominate" | "programme:approve" | "children:report" | "content:import" | "sweeps:read" | "sweeps:run" | "jobs:manage" | "metrics:read")[];
                            csrfToken?: string;
                            expiresAt?: string;
                            idleExpiresAt?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who this API key or session belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            login: string | null;
                            /** @enum {string} */
                            role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                            org: string | null;
                            createdAt: string;
                            disabled: boolean;
                            hasPassword: boolean;
                            invitePending: boolean;
                            lastSignInAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change one’s own password: every session ends; a session-made request gets a new session (cookie and CSRF token) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currentPassword: string;
                        newPassword: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            /** @enum {string} */
                            via: "key" | "session";
                            permissions: ("scan" | "content:read" | "decide" | "decide:severe" | "review:read" | "review:metrics" | "reports:submit" | "appeals:submit" | "reporters:manage" | "policy:read" | "policy:write" | "lexicon:read" | "lexicon:write" | "audit:read" | "banks:read" | "banks:write" | "banks:export" | "users:manage" | "webhooks:manage" | "settings:manage" | "transparency:read" | "orders:submit" | "orders:read" | "orders:verify" | "orders:answer" | "orders:warnings" | "age:write" | "age:read" | "age:decide" | "eligibility:read" | "youth:deactivation" | "youth:deactivation-summary" | "youth:risk" | "programme:read" | "programme:nominate" | "programme:approve" | "children:report" | "content:import" | "sweeps:read" | "sweeps:run" | "jobs:manage" | "metrics:read")[];
                            csrfToken?: string;
                            expiresAt?: string;
                            idleExpiresAt?: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Console preferences: one’s own, the organisation’s defaults, and the two together */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                            personal: {
                                /** @enum {string} */
                                language?: "id" | "en";
                                mediaBlur?: number;
                                greyscale?: boolean;
                                autoplay?: boolean;
                                mute?: boolean;
                                timeZone?: string;
                            };
                            defaults: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set one’s own console preferences (fields left out follow the organisation’s defaults) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language?: "id" | "en";
                        mediaBlur?: number;
                        greyscale?: boolean;
                        autoplay?: boolean;
                        mute?: boolean;
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                            personal: {
                                /** @enum {string} */
                                language?: "id" | "en";
                                mediaBlur?: number;
                                greyscale?: boolean;
                                autoplay?: boolean;
                                mute?: boolean;
                                timeZone?: string;
                            };
                            defaults: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/settings/console": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The organisation’s console defaults */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                            organisation: {
                                /** @enum {string} */
                                language?: "id" | "en";
                                mediaBlur?: number;
                                greyscale?: boolean;
                                autoplay?: boolean;
                                mute?: boolean;
                                timeZone?: string;
                            };
                            builtin: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        /** Set the organisation’s console defaults (fields left out follow Saring’s) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        language?: "id" | "en";
                        mediaBlur?: number;
                        greyscale?: boolean;
                        autoplay?: boolean;
                        mute?: boolean;
                        timeZone?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            effective: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                            organisation: {
                                /** @enum {string} */
                                language?: "id" | "en";
                                mediaBlur?: number;
                                greyscale?: boolean;
                                autoplay?: boolean;
                                mute?: boolean;
                                timeZone?: string;
                            };
                            builtin: {
                                /** @enum {string} */
                                language: "id" | "en";
                                mediaBlur: number;
                                greyscale: boolean;
                                autoplay: boolean;
                                mute: boolean;
                                timeZone: string;
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Operator users (people and machines) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            users: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a person (with a login: an initial password, or an invite shown once) or a machine (without: its first API key, shown once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** @enum {string} */
                        role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                        org?: string;
                        login?: string;
                        password?: string;
                        /** @enum {boolean} */
                        invite?: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            apiKey?: string;
                            invite?: {
                                token: string;
                                path: string;
                                expiresAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change a user’s name, login, role or organisation, or deactivate them (a role change or deactivation ends their sessions) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        login?: string;
                        /** @enum {string} */
                        role?: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                        org?: string | null;
                        disabled?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            name: string;
                            login: string | null;
                            /** @enum {string} */
                            role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                            org: string | null;
                            createdAt: string;
                            disabled: boolean;
                            hasPassword: boolean;
                            invitePending: boolean;
                            lastSignInAt: string | null;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/users/{id}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reset a person’s password: set one, or send an invite (their sessions end either way) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password?: string;
                        /** @enum {boolean} */
                        invite?: true;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: {
                                id: string;
                                name: string;
                                login: string | null;
                                /** @enum {string} */
                                role: "admin" | "moderator" | "senior_moderator" | "regulator" | "partner" | "auditor";
                                org: string | null;
                                createdAt: string;
                                disabled: boolean;
                                hasPassword: boolean;
                                invitePending: boolean;
                                lastSignInAt: string | null;
                            };
                            invite?: {
                                token: string;
                                path: string;
                                expiresAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/sessions/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign a person out everywhere */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessionsEnded: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/users/{id}/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Issue another API key */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            apiKey: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/keys/{prefix}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Revoke an API key */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    prefix: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim the next case: the highest-priority case you may work, in a queue or in any
         * @description Takes the case with an exclusive lock that expires after the policy’s `review.claimMinutes` (an abandoned claim returns to the queue); two concurrent claims never get the same case. Escalated and four-eyes cases, and those in senior-only categories, go only to `decide:severe`. The body `{ "queue": "…" }` (or `?queue=`) is optional. 200 `{ case }`, or 204 when nothing is left to claim.
         */
        post: {
            parameters: {
                query?: {
                    queue?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description nothing is left to claim: no body */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/queues": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every queue: open, waiting, claimed, pending confirmation, senior, breached, oldest, next deadline, SLA */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queues: {
                                queue: string;
                                slaHours: number;
                                open: number;
                                waiting: number;
                                claimed: number;
                                pendingConfirmation: number;
                                senior: number;
                                breached: number;
                                oldest: string | null;
                                nextDue: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The active policy’s review settings: reason templates, four-eyes categories, claim time-out, SLAs, the priority rule */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claimMinutes: number;
                            fourEyes: string[];
                            queues: {
                                queue: string;
                                slaHours: number;
                            }[];
                            priority: {
                                categories: {
                                    [key: string]: number;
                                };
                                reports: number;
                                children: number;
                                policyPriority: {
                                    low: number;
                                    normal: number;
                                    high: number;
                                    urgent: number;
                                };
                                agePerHour: number;
                            };
                            templates: {
                                id: string;
                                actions?: ("allow" | "restrict_16" | "restrict_18" | "remove")[];
                                /** @enum {string} */
                                category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                text: {
                                    id: string;
                                    en: string;
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List cases (by priority, oldest or newest), paged by cursor; format=jsonl or csv streams every match
         * @description `status`: `active` (default: open or waiting for confirmation), `open`, `pending_confirmation`, `closed`, `all`. JSON answers `{ cases, nextCursor }` (pass `cursor=nextCursor` for the next page, with the same filters and order). `format=jsonl` (one case per line) and `format=csv` stream every matching case, without a row cap.
         */
        get: {
            parameters: {
                query?: {
                    queue?: string;
                    status?: "open" | "pending_confirmation" | "closed" | "active" | "all";
                    lane?: "standard" | "senior";
                    reason?: "policy" | "report" | "appeal" | "escalation" | "order";
                    category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                    claimed?: "me" | "others" | "none";
                    breached?: boolean | ("true" | "false");
                    contentId?: string;
                    order?: "priority" | "oldest" | "newest";
                    limit?: number;
                    cursor?: string;
                    format?: "json" | "jsonl" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Open a case by id: the case, its content (scans, decisions) and its history
         * @description `readOnly` is false only for the holder of the case’s claim.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                account: {
                                    id: string;
                                    externalId: string;
                                } | null;
                                texts: {
                                    [key: string]: string;
                                };
                                media: unknown[];
                                audience: string;
                                status: string;
                                restriction: string | null;
                                metadata: {
                                    [key: string]: unknown;
                                };
                                version: number;
                                postedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                                scans: {
                                    id: string;
                                    contentVersion: number | null;
                                    policyVersion: string;
                                    action: string;
                                    verdict: {
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                        categories: {
                                            /** @enum {string} */
                                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            score: number;
                                            /** @enum {string} */
                                            action: "allow" | "restrict_16" | "restrict_18" | "review" | "remove";
                                            urgent: boolean;
                                            legalGround: string;
                                            evidence: ({
                                                /** @enum {string} */
                                                source: "caption" | "ocr" | "asr";
                                                field: string;
                                                match: string;
                                                /** @description code points of the original text */
                                                start: number;
                                                end: number;
                                                term: string;
                                                lexicon: string;
                                                lexiconVersion: number;
                                                weight: number;
                                                language?: string;
                                                media?: number;
                                                text?: string;
                                                timestamp?: number;
                                                until?: number;
                                                box?: {
                                                    x: number;
                                                    y: number;
                                                    width: number;
                                                    height: number;
                                                };
                                                thumbnail?: string;
                                            } | {
                                                /** @enum {string} */
                                                source: "image";
                                                media: number;
                                                classifier: string;
                                                classes: string[];
                                                score: number;
                                                weight: number;
                                                frames: {
                                                    timestamp: number;
                                                    score: number;
                                                    thumbnail?: string;
                                                }[];
                                            } | {
                                                /** @enum {string} */
                                                source: "hash";
                                                media: number;
                                                bank: string;
                                                entryId: number;
                                                signalType: string;
                                                method: string;
                                                distance: number;
                                                provenance: string;
                                                sourceRef: string | null;
                                                queryMatchPercent?: number;
                                                comparedMatchPercent?: number;
                                                frames?: {
                                                    queryFrame: number;
                                                    queryTimestamp: number;
                                                    targetFrame?: number;
                                                    targetTimestamp?: number;
                                                    distance: number;
                                                }[];
                                                weight: number;
                                            } | {
                                                /** @enum {string} */
                                                source: "model";
                                                field: string;
                                                model: string;
                                                version: number | "builtin";
                                                label: string;
                                                score: number;
                                                weight: number;
                                                features?: {
                                                    feature: string;
                                                    weight: number;
                                                    start: number;
                                                    end: number;
                                                }[];
                                                language?: string;
                                                media?: number;
                                                timestamp?: number;
                                            })[];
                                            queue?: string;
                                            /** @enum {string} */
                                            priority?: "low" | "normal" | "high" | "urgent";
                                        }[];
                                        review?: {
                                            queue: string;
                                            /** @enum {string} */
                                            priority: "low" | "normal" | "high" | "urgent";
                                            /** @enum {string} */
                                            category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                            /** @enum {string} */
                                            reason?: "unsupported_language" | "untranscribed_speech" | "incomplete_analysis";
                                        };
                                        policyVersion: string;
                                        signals: {
                                            entities: {
                                                field: string;
                                                /** @enum {string} */
                                                type: "url" | "domain" | "phone";
                                                value: string;
                                                match: string;
                                                start: number;
                                                end: number;
                                            }[];
                                            languages: {
                                                field: string;
                                                language: string;
                                                probability: number;
                                                reliable: boolean;
                                            }[];
                                            media?: {
                                                media: number;
                                                /** @enum {string} */
                                                kind: "image" | "video" | "unknown";
                                                sha256?: string;
                                                width?: number;
                                                height?: number;
                                                durationSeconds?: number;
                                                ocr?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                    box: {
                                                        x: number;
                                                        y: number;
                                                        width: number;
                                                        height: number;
                                                    };
                                                    confidence: number;
                                                    thumbnail?: string;
                                                }[];
                                                transcript?: {
                                                    text: string;
                                                    timestamp: number;
                                                    until: number;
                                                }[];
                                                nudity?: {
                                                    classifier: string;
                                                    frames: {
                                                        timestamp: number;
                                                        scores: {
                                                            [key: string]: number;
                                                        };
                                                        thumbnail?: string;
                                                    }[];
                                                };
                                                speech?: {
                                                    detected: boolean;
                                                    segments: {
                                                        start: number;
                                                        end: number;
                                                    }[];
                                                    speechSeconds: number;
                                                    transcribed: boolean;
                                                };
                                                frames?: {
                                                    sampled: number;
                                                    keyframes: number;
                                                    analysed: number;
                                                    duplicates: number;
                                                };
                                                steps: {
                                                    /** @enum {string} */
                                                    step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                                    /** @enum {string} */
                                                    status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                                    ms: number;
                                                    reason?: string;
                                                    code?: string;
                                                }[];
                                            }[];
                                            underage?: {
                                                score: number;
                                                age: {
                                                    min: number;
                                                    max: number;
                                                };
                                                evidence: {
                                                    field: string;
                                                    match: string;
                                                    start: number;
                                                    end: number;
                                                    /** @enum {string} */
                                                    kind: "age" | "school_year" | "school_level" | "graduation" | "birth_year";
                                                    age: {
                                                        min: number;
                                                        max: number;
                                                    };
                                                    weight: number;
                                                }[];
                                            };
                                        };
                                    };
                                    createdAt: string;
                                }[];
                                decisions: {
                                    id: string;
                                    contentId: string;
                                    scanId: string | null;
                                    /** @enum {string} */
                                    actorType: "automated" | "moderator" | "regulator_order";
                                    actorId: string | null;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    legalGround: string | null;
                                    automatedDetection: boolean;
                                    automatedDecision: boolean;
                                    statement: {
                                        decisionId: string;
                                        content: {
                                            id: string;
                                            externalId: string;
                                            kind: string;
                                        };
                                        /** @enum {string} */
                                        visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                        category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                        categoryLabel: {
                                            id: string;
                                            en: string;
                                        } | null;
                                        ground: {
                                            /** @enum {string} */
                                            type: "illegal_content" | "terms_of_service" | "none";
                                            legalGround: string | null;
                                            explanation: {
                                                id: string;
                                                en: string;
                                            };
                                        };
                                        facts: {
                                            summary: {
                                                id: string;
                                                en: string;
                                            };
                                            found: {
                                                /** @enum {string} */
                                                kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                                words?: string[];
                                                where: {
                                                    id: string;
                                                    en: string;
                                                };
                                                text: {
                                                    id: string;
                                                    en: string;
                                                };
                                            }[];
                                        };
                                        message: {
                                            id: string;
                                            en: string;
                                        };
                                        automatedDetection: boolean;
                                        /** @enum {string} */
                                        automatedDecision: "fully" | "partially" | "not_automated";
                                        /** @enum {string} */
                                        source: "own_initiative" | "notice" | "regulator_order";
                                        territorialScope: string[];
                                        redress: {
                                            /** @enum {string} */
                                            type: "internal_complaint" | "out_of_court" | "judicial";
                                            description: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                        decidedAt: string;
                                    };
                                    evidence: ({
                                        /** @enum {string} */
                                        source: "caption" | "ocr" | "asr";
                                        field: string;
                                        match: string;
                                        /** @description code points of the original text */
                                        start: number;
                                        end: number;
                                        term: string;
                                        lexicon: string;
                                        lexiconVersion: number;
                                        weight: number;
                                        language?: string;
                                        media?: number;
                                        text?: string;
                                        timestamp?: number;
                                        until?: number;
                                        box?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        thumbnail?: string;
                                    } | {
                                        /** @enum {string} */
                                        source: "image";
                                        media: number;
                                        classifier: string;
                                        classes: string[];
                                        score: number;
                                        weight: number;
                                        frames: {
                                            timestamp: number;
                                            score: number;
                                            thumbnail?: string;
                                        }[];
                                    } | {
                                        /** @enum {string} */
                                        source: "hash";
                                        media: number;
                                        bank: string;
                                        entryId: number;
                                        signalType: string;
                                        method: string;
                                        distance: number;
                                        provenance: string;
                                        sourceRef: string | null;
                                        queryMatchPercent?: number;
                                        comparedMatchPercent?: number;
                                        frames?: {
                                            queryFrame: number;
                                            queryTimestamp: number;
                                            targetFrame?: number;
                                            targetTimestamp?: number;
                                            distance: number;
                                        }[];
                                        weight: number;
                                    } | {
                                        /** @enum {string} */
                                        source: "model";
                                        field: string;
                                        model: string;
                                        version: number | "builtin";
                                        label: string;
                                        score: number;
                                        weight: number;
                                        features?: {
                                            feature: string;
                                            weight: number;
                                            start: number;
                                            end: number;
                                        }[];
                                        language?: string;
                                        media?: number;
                                        timestamp?: number;
                                    })[];
                                    reason: string | null;
                                    createdAt: string;
                                }[];
                                versions: {
                                    version: number;
                                    sha256: string;
                                    createdBy: string;
                                    createdAt: string;
                                }[];
                                analysis?: {
                                    id: string;
                                    /** @enum {string} */
                                    status: "queued" | "running" | "done" | "failed" | "cancelled";
                                    jobId: string | null;
                                    findings: {
                                        media: number;
                                        /** @enum {string} */
                                        kind: "image" | "video" | "unknown";
                                        sha256?: string;
                                        width?: number;
                                        height?: number;
                                        durationSeconds?: number;
                                        ocr?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                            box: {
                                                x: number;
                                                y: number;
                                                width: number;
                                                height: number;
                                            };
                                            confidence: number;
                                            thumbnail?: string;
                                        }[];
                                        transcript?: {
                                            text: string;
                                            timestamp: number;
                                            until: number;
                                        }[];
                                        nudity?: {
                                            classifier: string;
                                            frames: {
                                                timestamp: number;
                                                scores: {
                                                    [key: string]: number;
                                                };
                                                thumbnail?: string;
                                            }[];
                                        };
                                        speech?: {
                                            detected: boolean;
                                            segments: {
                                                start: number;
                                                end: number;
                                            }[];
                                            speechSeconds: number;
                                            transcribed: boolean;
                                        };
                                        frames?: {
                                            sampled: number;
                                            keyframes: number;
                                            analysed: number;
                                            duplicates: number;
                                        };
                                        steps: {
                                            /** @enum {string} */
                                            step: "intake" | "hash" | "frames" | "keyframes" | "nudity" | "ocr" | "audio" | "speech" | "transcript" | "thumbnails";
                                            /** @enum {string} */
                                            status: "ok" | "failed" | "timeout" | "skipped" | "cancelled";
                                            ms: number;
                                            reason?: string;
                                            code?: string;
                                        }[];
                                    }[];
                                    scanId: string | null;
                                    error: {
                                        code: string;
                                        message: string;
                                    } | null;
                                    createdAt: string;
                                    startedAt: string | null;
                                    finishedAt: string | null;
                                };
                            };
                            events: {
                                kind: string;
                                actor: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                at: string;
                            }[];
                            readOnly: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/claim": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Claim a case by id, or extend your claim
         * @description 409 `case_claimed` while someone else holds it, `case_closed` once it is decided.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Give a claimed case back to its queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide a case you hold: the decision with its statement of reasons
         * @description Goes through the one decision path (statement of reasons, audit entry, webhook, bank entries for a removal) and closes the item’s open cases: 201 with the decision and `case`. The reason is a template of the policy (`templateId`, in both languages), free text (`reason`), or both. A removal in a four-eyes category (default: csam, terrorism) does not take effect yet: the content is held (hidden) and the case waits for a second, different senior moderator: 202 `{ outcome: "pending_confirmation", case }`. 409 `case_closed` for a case already decided, `case_claimed` / `case_not_claimed` when you do not hold it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                        category?: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                        templateId?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contentId: string;
                            scanId: string | null;
                            /** @enum {string} */
                            actorType: "automated" | "moderator" | "regulator_order";
                            actorId: string | null;
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            legalGround: string | null;
                            automatedDetection: boolean;
                            automatedDecision: boolean;
                            statement: {
                                decisionId: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                };
                                /** @enum {string} */
                                visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                categoryLabel: {
                                    id: string;
                                    en: string;
                                } | null;
                                ground: {
                                    /** @enum {string} */
                                    type: "illegal_content" | "terms_of_service" | "none";
                                    legalGround: string | null;
                                    explanation: {
                                        id: string;
                                        en: string;
                                    };
                                };
                                facts: {
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    found: {
                                        /** @enum {string} */
                                        kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                        words?: string[];
                                        where: {
                                            id: string;
                                            en: string;
                                        };
                                        text: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                };
                                message: {
                                    id: string;
                                    en: string;
                                };
                                automatedDetection: boolean;
                                /** @enum {string} */
                                automatedDecision: "fully" | "partially" | "not_automated";
                                /** @enum {string} */
                                source: "own_initiative" | "notice" | "regulator_order";
                                territorialScope: string[];
                                redress: {
                                    /** @enum {string} */
                                    type: "internal_complaint" | "out_of_court" | "judicial";
                                    description: {
                                        id: string;
                                        en: string;
                                    };
                                }[];
                                decidedAt: string;
                            };
                            evidence: ({
                                /** @enum {string} */
                                source: "caption" | "ocr" | "asr";
                                field: string;
                                match: string;
                                /** @description code points of the original text */
                                start: number;
                                end: number;
                                term: string;
                                lexicon: string;
                                lexiconVersion: number;
                                weight: number;
                                language?: string;
                                media?: number;
                                text?: string;
                                timestamp?: number;
                                until?: number;
                                box?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                thumbnail?: string;
                            } | {
                                /** @enum {string} */
                                source: "image";
                                media: number;
                                classifier: string;
                                classes: string[];
                                score: number;
                                weight: number;
                                frames: {
                                    timestamp: number;
                                    score: number;
                                    thumbnail?: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                source: "hash";
                                media: number;
                                bank: string;
                                entryId: number;
                                signalType: string;
                                method: string;
                                distance: number;
                                provenance: string;
                                sourceRef: string | null;
                                queryMatchPercent?: number;
                                comparedMatchPercent?: number;
                                frames?: {
                                    queryFrame: number;
                                    queryTimestamp: number;
                                    targetFrame?: number;
                                    targetTimestamp?: number;
                                    distance: number;
                                }[];
                                weight: number;
                            } | {
                                /** @enum {string} */
                                source: "model";
                                field: string;
                                model: string;
                                version: number | "builtin";
                                label: string;
                                score: number;
                                weight: number;
                                features?: {
                                    feature: string;
                                    weight: number;
                                    start: number;
                                    end: number;
                                }[];
                                language?: string;
                                media?: number;
                                timestamp?: number;
                            })[];
                            reason: string | null;
                            createdAt: string;
                            /** @enum {string} */
                            outcome: "decided";
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        } | {
                            /** @enum {string} */
                            outcome: "pending_confirmation";
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contentId: string;
                            scanId: string | null;
                            /** @enum {string} */
                            actorType: "automated" | "moderator" | "regulator_order";
                            actorId: string | null;
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            legalGround: string | null;
                            automatedDetection: boolean;
                            automatedDecision: boolean;
                            statement: {
                                decisionId: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                };
                                /** @enum {string} */
                                visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                categoryLabel: {
                                    id: string;
                                    en: string;
                                } | null;
                                ground: {
                                    /** @enum {string} */
                                    type: "illegal_content" | "terms_of_service" | "none";
                                    legalGround: string | null;
                                    explanation: {
                                        id: string;
                                        en: string;
                                    };
                                };
                                facts: {
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    found: {
                                        /** @enum {string} */
                                        kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                        words?: string[];
                                        where: {
                                            id: string;
                                            en: string;
                                        };
                                        text: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                };
                                message: {
                                    id: string;
                                    en: string;
                                };
                                automatedDetection: boolean;
                                /** @enum {string} */
                                automatedDecision: "fully" | "partially" | "not_automated";
                                /** @enum {string} */
                                source: "own_initiative" | "notice" | "regulator_order";
                                territorialScope: string[];
                                redress: {
                                    /** @enum {string} */
                                    type: "internal_complaint" | "out_of_court" | "judicial";
                                    description: {
                                        id: string;
                                        en: string;
                                    };
                                }[];
                                decidedAt: string;
                            };
                            evidence: ({
                                /** @enum {string} */
                                source: "caption" | "ocr" | "asr";
                                field: string;
                                match: string;
                                /** @description code points of the original text */
                                start: number;
                                end: number;
                                term: string;
                                lexicon: string;
                                lexiconVersion: number;
                                weight: number;
                                language?: string;
                                media?: number;
                                text?: string;
                                timestamp?: number;
                                until?: number;
                                box?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                thumbnail?: string;
                            } | {
                                /** @enum {string} */
                                source: "image";
                                media: number;
                                classifier: string;
                                classes: string[];
                                score: number;
                                weight: number;
                                frames: {
                                    timestamp: number;
                                    score: number;
                                    thumbnail?: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                source: "hash";
                                media: number;
                                bank: string;
                                entryId: number;
                                signalType: string;
                                method: string;
                                distance: number;
                                provenance: string;
                                sourceRef: string | null;
                                queryMatchPercent?: number;
                                comparedMatchPercent?: number;
                                frames?: {
                                    queryFrame: number;
                                    queryTimestamp: number;
                                    targetFrame?: number;
                                    targetTimestamp?: number;
                                    distance: number;
                                }[];
                                weight: number;
                            } | {
                                /** @enum {string} */
                                source: "model";
                                field: string;
                                model: string;
                                version: number | "builtin";
                                label: string;
                                score: number;
                                weight: number;
                                features?: {
                                    feature: string;
                                    weight: number;
                                    start: number;
                                    end: number;
                                }[];
                                language?: string;
                                media?: number;
                                timestamp?: number;
                            })[];
                            reason: string | null;
                            createdAt: string;
                            /** @enum {string} */
                            outcome: "decided";
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        } | {
                            /** @enum {string} */
                            outcome: "pending_confirmation";
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/escalate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Hand a case you hold to the senior moderators, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Confirm a four-eyes removal (a second, different senior moderator, holding the case): the removal takes effect
         * @description 403 `second_moderator_required` for the moderator who proposed it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            contentId: string;
                            scanId: string | null;
                            /** @enum {string} */
                            actorType: "automated" | "moderator" | "regulator_order";
                            actorId: string | null;
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            legalGround: string | null;
                            automatedDetection: boolean;
                            automatedDecision: boolean;
                            statement: {
                                decisionId: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                };
                                /** @enum {string} */
                                visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                categoryLabel: {
                                    id: string;
                                    en: string;
                                } | null;
                                ground: {
                                    /** @enum {string} */
                                    type: "illegal_content" | "terms_of_service" | "none";
                                    legalGround: string | null;
                                    explanation: {
                                        id: string;
                                        en: string;
                                    };
                                };
                                facts: {
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    found: {
                                        /** @enum {string} */
                                        kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                        words?: string[];
                                        where: {
                                            id: string;
                                            en: string;
                                        };
                                        text: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                };
                                message: {
                                    id: string;
                                    en: string;
                                };
                                automatedDetection: boolean;
                                /** @enum {string} */
                                automatedDecision: "fully" | "partially" | "not_automated";
                                /** @enum {string} */
                                source: "own_initiative" | "notice" | "regulator_order";
                                territorialScope: string[];
                                redress: {
                                    /** @enum {string} */
                                    type: "internal_complaint" | "out_of_court" | "judicial";
                                    description: {
                                        id: string;
                                        en: string;
                                    };
                                }[];
                                decidedAt: string;
                            };
                            evidence: ({
                                /** @enum {string} */
                                source: "caption" | "ocr" | "asr";
                                field: string;
                                match: string;
                                /** @description code points of the original text */
                                start: number;
                                end: number;
                                term: string;
                                lexicon: string;
                                lexiconVersion: number;
                                weight: number;
                                language?: string;
                                media?: number;
                                text?: string;
                                timestamp?: number;
                                until?: number;
                                box?: {
                                    x: number;
                                    y: number;
                                    width: number;
                                    height: number;
                                };
                                thumbnail?: string;
                            } | {
                                /** @enum {string} */
                                source: "image";
                                media: number;
                                classifier: string;
                                classes: string[];
                                score: number;
                                weight: number;
                                frames: {
                                    timestamp: number;
                                    score: number;
                                    thumbnail?: string;
                                }[];
                            } | {
                                /** @enum {string} */
                                source: "hash";
                                media: number;
                                bank: string;
                                entryId: number;
                                signalType: string;
                                method: string;
                                distance: number;
                                provenance: string;
                                sourceRef: string | null;
                                queryMatchPercent?: number;
                                comparedMatchPercent?: number;
                                frames?: {
                                    queryFrame: number;
                                    queryTimestamp: number;
                                    targetFrame?: number;
                                    targetTimestamp?: number;
                                    distance: number;
                                }[];
                                weight: number;
                            } | {
                                /** @enum {string} */
                                source: "model";
                                field: string;
                                model: string;
                                version: number | "builtin";
                                label: string;
                                score: number;
                                weight: number;
                                features?: {
                                    feature: string;
                                    weight: number;
                                    start: number;
                                    end: number;
                                }[];
                                language?: string;
                                media?: number;
                                timestamp?: number;
                            })[];
                            reason: string | null;
                            createdAt: string;
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/cases/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Reject a four-eyes removal: the hold is lifted and the case returns to the senior moderators */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            case: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                reason: "policy" | "report" | "appeal" | "escalation" | "order";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "pending_confirmation" | "closed";
                                /** @enum {string} */
                                lane: "standard" | "senior";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                policyPriority: "low" | "normal" | "high" | "urgent";
                                reports: number;
                                audience: string;
                                ref: string | null;
                                priority: number;
                                priorityComponents: {
                                    category: number;
                                    reports: number;
                                    children: number;
                                    policyPriority: number;
                                    age: number;
                                };
                                dueAt: string;
                                breached: boolean;
                                claim: {
                                    by: string;
                                    at: string;
                                    expiresAt: string;
                                    expired: boolean;
                                } | null;
                                escalation: {
                                    by: string | null;
                                    at: string;
                                    reason: string | null;
                                } | null;
                                proposal: {
                                    action: string;
                                    /** @enum {string} */
                                    category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                                    reason: unknown;
                                    templateId: string | null;
                                    by: string;
                                    at: string;
                                } | null;
                                decisionId: string | null;
                                resolution: ("decided" | "confirmed") | null;
                                closedBy: string | null;
                                closedAt: string | null;
                                createdAt: string;
                                updatedAt: string;
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One decision on up to 1,000 cases, each applied atomically through the same path, in a job that resumes if interrupted
         * @description 202 with the run; follow it at `GET /v1/review/bulk/{id}` (progress and a result per case). Cases someone else holds, or already closed, are skipped; a case that fails changes nothing and the others go on. More than 1,000 cases: 400.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        caseIds: string[];
                        /** @enum {string} */
                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                        category?: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                        templateId?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            templateId: string | null;
                            requestedBy: string;
                            total: number;
                            counts: {
                                pending: number;
                                done: number;
                                skipped: number;
                                failed: number;
                            };
                            results: {
                                position: number;
                                caseId: string;
                                /** @enum {string} */
                                status: "pending" | "done" | "skipped" | "failed";
                                outcome: string | null;
                                message: string | null;
                                decisionId: string | null;
                            }[];
                            error: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/review/bulk/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A bulk run: status, counts and the result for each case */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "queued" | "running" | "done" | "failed";
                            /** @enum {string} */
                            action: "allow" | "restrict_16" | "restrict_18" | "remove";
                            category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                            templateId: string | null;
                            requestedBy: string;
                            total: number;
                            counts: {
                                pending: number;
                                done: number;
                                skipped: number;
                                failed: number;
                            };
                            results: {
                                position: number;
                                caseId: string;
                                /** @enum {string} */
                                status: "pending" | "done" | "skipped" | "failed";
                                outcome: string | null;
                                message: string | null;
                                decisionId: string | null;
                            }[];
                            error: string | null;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/metrics/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Review metrics: per queue open, oldest, median and p90 time to decision, SLA breaches; decisions per moderator per day; automated vs human share; appeal overturn rate */
        get: {
            parameters: {
                query?: {
                    since?: string;
                    until?: string;
                    timeZone?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            window: {
                                since: string;
                                until: string;
                                timeZone: string;
                            };
                            queues: {
                                queue: string;
                                open: number;
                                oldest: string | null;
                                breachedOpen: number;
                                decided: number;
                                medianSecondsToDecision: number | null;
                                p90SecondsToDecision: number | null;
                                breachedDecided: number;
                            }[];
                            moderators: {
                                userId: string;
                                name: string | null;
                                day: string;
                                decisions: number;
                            }[];
                            decisions: {
                                total: number;
                                automated: number;
                                human: number;
                                order: number;
                                automatedShare: number | null;
                                humanShare: number | null;
                            };
                            appeals: {
                                decided: number;
                                overturned: number;
                                overturnRate: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List reports, newest first (by status, case, content or reporter), paged by cursor */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "in_review" | "actioned" | "rejected";
                    caseId?: string;
                    contentId?: string;
                    reporterId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reports: {
                                id: string;
                                /** @enum {string} */
                                status: "received" | "in_review" | "actioned" | "rejected";
                                caseId: string | null;
                                content: {
                                    id: string;
                                    externalId: string;
                                };
                                /** @enum {string} */
                                category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                                reason: string;
                                reporter: {
                                    name?: string;
                                    contact?: string;
                                    externalId?: string;
                                } | null;
                                reporterId: string | null;
                                anonymous: boolean;
                                counted: boolean;
                                badFaith: boolean;
                                screenshot: string | null;
                                url: string | null;
                                createdAt: string;
                                resolvedAt: string | null;
                                outcome: {
                                    decisionId: string;
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    answer: {
                                        id: string;
                                        en: string;
                                    };
                                    statement?: {
                                        decisionId: string;
                                        content: {
                                            id: string;
                                            externalId: string;
                                            kind: string;
                                        };
                                        /** @enum {string} */
                                        visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                        /** @enum {string} */
                                        action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                        category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                        categoryLabel: {
                                            id: string;
                                            en: string;
                                        } | null;
                                        ground: {
                                            /** @enum {string} */
                                            type: "illegal_content" | "terms_of_service" | "none";
                                            legalGround: string | null;
                                            explanation: {
                                                id: string;
                                                en: string;
                                            };
                                        };
                                        facts: {
                                            summary: {
                                                id: string;
                                                en: string;
                                            };
                                            found: {
                                                /** @enum {string} */
                                                kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                                words?: string[];
                                                where: {
                                                    id: string;
                                                    en: string;
                                                };
                                                text: {
                                                    id: string;
                                                    en: string;
                                                };
                                            }[];
                                        };
                                        message: {
                                            id: string;
                                            en: string;
                                        };
                                        automatedDetection: boolean;
                                        /** @enum {string} */
                                        automatedDecision: "fully" | "partially" | "not_automated";
                                        /** @enum {string} */
                                        source: "own_initiative" | "notice" | "regulator_order";
                                        territorialScope: string[];
                                        redress: {
                                            /** @enum {string} */
                                            type: "internal_complaint" | "out_of_court" | "judicial";
                                            description: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                        decidedAt: string;
                                    };
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * File a public report on content (the platform, on behalf of a user or from its public form): a receipt at once
         * @description The content is named by Saring’s `id`, the platform’s `externalId` or its `url` (items sent with `metadata.url`); content Saring has never seen is stored and scanned from the `externalId` and what it shows (`texts`, `media`), else 422 `content_unreachable` and nothing is stored. The reporter gives a name, contact or the platform’s id for them (422 `reporter_identity_required` without one, unless the policy’s `reports.anonymous` allows it); `screenshot` is an upload id (`POST /v1/uploads`). 201 `{ id, status: "received", caseId }`: the report joined the item’s review case (reason `report`, one per item). On content already removed the answer is immediate: `status: "actioned"`, `caseId: null`. The outcome follows on `GET /v1/reports/{id}` and by the `report.resolved` webhook.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        content: {
                            /** Format: uuid */
                            id?: string;
                            externalId?: string;
                            /** Format: uri */
                            url?: string;
                            /** @enum {string} */
                            kind?: "video" | "image" | "text" | "comment" | "profile";
                            texts?: {
                                [key: string]: string;
                            };
                            media?: {
                                /** @enum {string} */
                                type: "image" | "video" | "audio";
                                upload?: string;
                                path?: string;
                                /** Format: uri */
                                url?: string;
                                md5?: string;
                                sha256?: string;
                                /** @enum {string} */
                                kind?: "image" | "video";
                                pdq?: {
                                    hash: string;
                                    quality: number;
                                };
                                dihedral?: {
                                    [key: string]: string;
                                };
                                cropped?: {
                                    hash: string;
                                    quality: number;
                                    rect?: {
                                        x: number;
                                        y: number;
                                        width: number;
                                        height: number;
                                    };
                                    dihedral?: {
                                        [key: string]: string;
                                    };
                                };
                                vpdq?: {
                                    frame: number;
                                    quality: number;
                                    hash: string;
                                    timestamp: number;
                                    cropped?: {
                                        hash: string;
                                        quality: number;
                                        rect?: {
                                            x: number;
                                            y: number;
                                            width: number;
                                            height: number;
                                        };
                                        dihedral?: {
                                            [key: string]: string;
                                        };
                                    };
                                }[];
                                width?: number;
                                height?: number;
                                info?: {
                                    [key: string]: unknown;
                                };
                            }[];
                            account?: {
                                externalId: string;
                                displayName?: string;
                            };
                            /** @enum {string} */
                            audience?: "general" | "adult" | "children";
                            metadata?: {
                                [key: string]: unknown;
                            };
                        };
                        /** @default {} */
                        reporter?: {
                            name?: string;
                            contact?: string;
                            externalId?: string;
                            anonymous?: boolean;
                        };
                        /** @enum {string} */
                        category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                        reason: string;
                        screenshot?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "in_review" | "actioned" | "rejected";
                            caseId: string | null;
                            contentId: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A report: its status (received, in_review, actioned, rejected) and, once decided, the outcome with the answer for the reporter and the decision’s statement of reasons */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "received" | "in_review" | "actioned" | "rejected";
                            caseId: string | null;
                            content: {
                                id: string;
                                externalId: string;
                            };
                            /** @enum {string} */
                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                            reason: string;
                            reporter: {
                                name?: string;
                                contact?: string;
                                externalId?: string;
                            } | null;
                            reporterId: string | null;
                            anonymous: boolean;
                            counted: boolean;
                            badFaith: boolean;
                            screenshot: string | null;
                            url: string | null;
                            createdAt: string;
                            resolvedAt: string | null;
                            outcome: {
                                decisionId: string;
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                answer: {
                                    id: string;
                                    en: string;
                                };
                                statement?: {
                                    decisionId: string;
                                    content: {
                                        id: string;
                                        externalId: string;
                                        kind: string;
                                    };
                                    /** @enum {string} */
                                    visibility: "removed" | "age_restricted_18" | "hidden_under_16" | "no_action";
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    categoryLabel: {
                                        id: string;
                                        en: string;
                                    } | null;
                                    ground: {
                                        /** @enum {string} */
                                        type: "illegal_content" | "terms_of_service" | "none";
                                        legalGround: string | null;
                                        explanation: {
                                            id: string;
                                            en: string;
                                        };
                                    };
                                    facts: {
                                        summary: {
                                            id: string;
                                            en: string;
                                        };
                                        found: {
                                            /** @enum {string} */
                                            kind: "words" | "wording" | "nudity" | "removed_content" | "known_content";
                                            words?: string[];
                                            where: {
                                                id: string;
                                                en: string;
                                            };
                                            text: {
                                                id: string;
                                                en: string;
                                            };
                                        }[];
                                    };
                                    message: {
                                        id: string;
                                        en: string;
                                    };
                                    automatedDetection: boolean;
                                    /** @enum {string} */
                                    automatedDecision: "fully" | "partially" | "not_automated";
                                    /** @enum {string} */
                                    source: "own_initiative" | "notice" | "regulator_order";
                                    territorialScope: string[];
                                    redress: {
                                        /** @enum {string} */
                                        type: "internal_complaint" | "out_of_court" | "judicial";
                                        description: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                    decidedAt: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reports/{id}/screenshot": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The screenshot a report came with */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reporters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Reporters known by the platform’s id or a contact, with their counts; `badFaith=true` for those marked */
        get: {
            parameters: {
                query?: {
                    badFaith?: "true" | "false";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reporters: {
                                id: string;
                                externalId: string | null;
                                contact: string | null;
                                name: string | null;
                                reports: number;
                                actioned: number;
                                rejected: number;
                                badFaith: boolean;
                                badFaithAt: string | null;
                                badFaithBy: string | null;
                                badFaithReason: string | null;
                                createdAt: string;
                                updatedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/reporters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A reporter, with their counts and standing */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string | null;
                            contact: string | null;
                            name: string | null;
                            reports: number;
                            actioned: number;
                            rejected: number;
                            badFaith: boolean;
                            badFaithAt: string | null;
                            badFaithBy: string | null;
                            badFaithReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Mark a reporter as reporting in bad faith (their reports sink in priority), or clear it, with a reason (audited) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        badFaith: boolean;
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            externalId: string | null;
                            contact: string | null;
                            name: string | null;
                            reports: number;
                            actioned: number;
                            rejected: number;
                            badFaith: boolean;
                            badFaithAt: string | null;
                            badFaithBy: string | null;
                            badFaithReason: string | null;
                            createdAt: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v1/appeals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List appeals, newest first (by status, decision or content), paged by cursor */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "in_review" | "overturned" | "upheld";
                    decisionId?: string;
                    contentId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appeals: {
                                id: string;
                                /** @enum {string} */
                                status: "open" | "in_review" | "overturned" | "upheld";
                                decisionId: string;
                                appealed: {
                                    /** @enum {string} */
                                    action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                    category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                    actorType: string;
                                    actorId: string | null;
                                    createdAt: string;
                                };
                                caseId: string | null;
                                content: {
                                    id: string;
                                    externalId: string;
                                };
                                appellant: {
                                    externalId?: string;
                                    name?: string;
                                    contact?: string;
                                };
                                reason: string;
                                windowEndsAt: string;
                                createdAt: string;
                                decided: {
                                    at: string;
                                    by: string | null;
                                    actor: string | null;
                                    reason: string | null;
                                    resolvingDecisionId: string | null;
                                    answer: {
                                        id: string;
                                        en: string;
                                    };
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * File an appeal against a decision (the platform, for its user): a case in the appeals queue
         * @description 201 `{ id, status: "open", caseId, windowEndsAt, … }`. Only the decision in force, one that acted against the content and did not carry out an authority’s order, can be appealed (422 `appeal_not_available`), within its category’s window (policy `appeals.windowMonths`, default 6 months: 422 `appeal_window_closed`), once (409 `appeal_exists`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        decisionId: string;
                        /** @default {} */
                        appellant?: {
                            externalId?: string;
                            name?: string;
                            contact?: string;
                        };
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "open" | "in_review" | "overturned" | "upheld";
                            decisionId: string;
                            appealed: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                actorType: string;
                                actorId: string | null;
                                createdAt: string;
                            };
                            caseId: string | null;
                            content: {
                                id: string;
                                externalId: string;
                            };
                            appellant: {
                                externalId?: string;
                                name?: string;
                                contact?: string;
                            };
                            reason: string;
                            windowEndsAt: string;
                            createdAt: string;
                            decided: {
                                at: string;
                                by: string | null;
                                actor: string | null;
                                reason: string | null;
                                resolvingDecisionId: string | null;
                                answer: {
                                    id: string;
                                    en: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An appeal: its status (open, in_review, overturned, upheld) and, once decided, who decided, why, and the answer for the appellant */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "open" | "in_review" | "overturned" | "upheld";
                            decisionId: string;
                            appealed: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                actorType: string;
                                actorId: string | null;
                                createdAt: string;
                            };
                            caseId: string | null;
                            content: {
                                id: string;
                                externalId: string;
                            };
                            appellant: {
                                externalId?: string;
                                name?: string;
                                contact?: string;
                            };
                            reason: string;
                            windowEndsAt: string;
                            createdAt: string;
                            decided: {
                                at: string;
                                by: string | null;
                                actor: string | null;
                                reason: string | null;
                                resolvingDecisionId: string | null;
                                answer: {
                                    id: string;
                                    en: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/appeals/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an appeal: overturn (the content restored through a new decision) or uphold (the decision stands), with a reason
         * @description Decided by someone other than the moderator who took the decision appealed (403 `appeal_same_moderator`), and by a senior moderator when it is in a four-eyes or senior-only category (403 `forbidden`). `overturn` records a new decision (`action`: `allow` by default, or a milder restriction) with its statement of reasons, releases the removal’s bank entries and removes its strike; `uphold` closes the case with the decision standing. Either notifies by the `appeal.decided` webhook. 409 `appeal_closed` once decided, `case_claimed` while someone else holds the appeal’s case.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        outcome: "overturn" | "uphold";
                        reason: string;
                        /** @enum {string} */
                        action?: "allow" | "restrict_16" | "restrict_18";
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            status: "open" | "in_review" | "overturned" | "upheld";
                            decisionId: string;
                            appealed: {
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                actorType: string;
                                actorId: string | null;
                                createdAt: string;
                            };
                            caseId: string | null;
                            content: {
                                id: string;
                                externalId: string;
                            };
                            appellant: {
                                externalId?: string;
                                name?: string;
                                contact?: string;
                            };
                            reason: string;
                            windowEndsAt: string;
                            createdAt: string;
                            decided: {
                                at: string;
                                by: string | null;
                                actor: string | null;
                                reason: string | null;
                                resolvingDecisionId: string | null;
                                answer: {
                                    id: string;
                                    en: string;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{externalId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A platform account by the platform’s id for it: its standing, strikes, account actions (with their statements of reasons), newest content and decisions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    externalId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account: {
                                id: string;
                                externalId: string;
                                displayName: string | null;
                                createdAt: string;
                            };
                            standing: {
                                points: number;
                                level: ("warning" | "feature_limit" | "suspend" | "terminate") | null;
                                activeStrikes: number;
                            };
                            strikes: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                decisionId: string;
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                weight: number;
                                createdAt: string;
                                expiresAt: string;
                                active: boolean;
                                removedAt: string | null;
                                removedReason: string | null;
                                removedByDecision: string | null;
                            }[];
                            actions: {
                                id: string;
                                /** @enum {string} */
                                action: "warning" | "feature_limit" | "suspend" | "terminate" | "reinstate";
                                level: ("warning" | "feature_limit" | "suspend" | "terminate") | null;
                                points: number;
                                threshold: number | null;
                                until: string | null;
                                decisionId: string | null;
                                strikeId: string | null;
                                statement: {
                                    actionId: string;
                                    account: {
                                        id: string;
                                        externalId: string;
                                    };
                                    /** @enum {string} */
                                    action: "warning" | "feature_limit" | "suspend" | "terminate" | "reinstate";
                                    level: ("warning" | "feature_limit" | "suspend" | "terminate") | null;
                                    until: string | null;
                                    points: number;
                                    threshold: number | null;
                                    strikes: {
                                        decisionId: string;
                                        contentId: string;
                                        externalId: string;
                                        category: string | null;
                                        weight: number;
                                        expiresAt: string;
                                    }[];
                                    summary: {
                                        id: string;
                                        en: string;
                                    };
                                    facts: {
                                        id: string;
                                        en: string;
                                    };
                                    /** @enum {string} */
                                    automatedDecision: "fully";
                                    redress: {
                                        /** @enum {string} */
                                        type: "internal_complaint" | "out_of_court" | "judicial";
                                        description: {
                                            id: string;
                                            en: string;
                                        };
                                    }[];
                                    message: {
                                        id: string;
                                        en: string;
                                    };
                                    decidedAt: string;
                                };
                                createdAt: string;
                            }[];
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                status: string;
                                createdAt: string;
                            }[];
                            decisions: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                action: string;
                                category: string | null;
                                actorType: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Orders, newest first, paged by cursor: an officer sees only their organisation’s */
        get: {
            parameters: {
                query?: {
                    status?: "received" | "in_progress" | "completed" | "overdue";
                    organisation?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            orders: {
                                id: string;
                                orderNumber: string;
                                organisation: string;
                                /** @enum {string} */
                                category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                                urgent: boolean;
                                urgentClock: boolean;
                                policyVersion: number | null;
                                legalBasis: string;
                                legalAnalysis: string | null;
                                requestedAction: string;
                                letter: string | null;
                                screenshots: string[];
                                issuedAt: string | null;
                                receivedAt: string;
                                dueAt: string;
                                /** @enum {string} */
                                status: "received" | "in_progress" | "completed" | "overdue";
                                breachedAt: string | null;
                                reminders: number[];
                                counts: {
                                    pending: number;
                                    taken_down: number;
                                    already_removed: number;
                                    not_found: number;
                                    clarified: number;
                                    answered: number;
                                };
                                answer: {
                                    note: string;
                                    items: {
                                        targetId: string;
                                        contentId: string;
                                        externalId: string;
                                        account: string | null;
                                        uploadedAt: string;
                                        /** @enum {string} */
                                        state: "available" | "removed" | "restricted" | "unknown";
                                    }[];
                                    answeredBy: string;
                                    answeredAt: string;
                                } | null;
                                targets?: {
                                    id: string;
                                    /** @enum {string} */
                                    kind: "url" | "contentId" | "externalId";
                                    value: string;
                                    url?: string;
                                    externalId?: string;
                                    contentId: string | null;
                                    caseId: string | null;
                                    /** @enum {string} */
                                    status: "pending" | "taken_down" | "already_removed" | "not_found" | "clarified" | "answered";
                                    decisionId: string | null;
                                    handledAt: string | null;
                                    proof: {
                                        decidedAt: string;
                                        decisionId: string;
                                        action: string;
                                        actorType: string;
                                        hashesBanked: number;
                                    } | null;
                                    clarification: {
                                        id: string;
                                        targetId: string;
                                        /** @enum {string} */
                                        reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                                        text: string;
                                        evidence: string[];
                                        targetStatus: string;
                                        createdBy: string;
                                        createdAt: string;
                                    } | null;
                                }[];
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Send a takedown order (an authority’s officer or key): stored with its targets before the answer, its clock started
         * @description The organisation is the sender’s (422 `organisation_required` without one). `targets`: 1 to 10000 of `{ url }`, `{ contentId }` or `{ externalId }`, resolved to stored content (by id, the platform’s id, or `metadata.url`); unresolved ones are `not_found`, content already removed `already_removed`, the others open a review case (queue `regulator`, reason `order`, top priority, the order’s deadline). `dueAt` is `receivedAt` + the active policy’s `orders.hours.urgent` (4 h by default) when `urgent` or the category is in its `orders.urgentCategories` (default csam, terrorism, illegal_goods), else + `orders.hours.standard` (24 h); the clock is kept with the order (`urgentClock`, `policyVersion`). 201 with the order; the same `orderNumber` from the same organisation again: 200 with the order as stored (nothing new is stored). Errors (nothing stored): 422 `unknown_category`, `invalid_target`, `duplicate_target`, `too_many_targets`, `time_in_future` (`issuedAt` after now).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        orderNumber: string;
                        category: string;
                        /** @default false */
                        urgent?: boolean;
                        legalBasis: string;
                        legalAnalysis?: string;
                        /**
                         * @default remove
                         * @enum {string}
                         */
                        requestedAction?: "remove" | "information";
                        letter?: string;
                        /** Format: date-time */
                        issuedAt?: string;
                        /** @description 1 to 10000 of { url } | { contentId } | { externalId } */
                        targets: ({
                            /** Format: uri */
                            url: string;
                        } | {
                            /** Format: uuid */
                            contentId: string;
                        } | {
                            externalId: string;
                        })[];
                        screenshots?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            organisation: string;
                            /** @enum {string} */
                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                            urgent: boolean;
                            urgentClock: boolean;
                            policyVersion: number | null;
                            legalBasis: string;
                            legalAnalysis: string | null;
                            requestedAction: string;
                            letter: string | null;
                            screenshots: string[];
                            issuedAt: string | null;
                            receivedAt: string;
                            dueAt: string;
                            /** @enum {string} */
                            status: "received" | "in_progress" | "completed" | "overdue";
                            breachedAt: string | null;
                            reminders: number[];
                            counts: {
                                pending: number;
                                taken_down: number;
                                already_removed: number;
                                not_found: number;
                                clarified: number;
                                answered: number;
                            };
                            answer: {
                                note: string;
                                items: {
                                    targetId: string;
                                    contentId: string;
                                    externalId: string;
                                    account: string | null;
                                    uploadedAt: string;
                                    /** @enum {string} */
                                    state: "available" | "removed" | "restricted" | "unknown";
                                }[];
                                answeredBy: string;
                                answeredAt: string;
                            } | null;
                            targets?: {
                                id: string;
                                /** @enum {string} */
                                kind: "url" | "contentId" | "externalId";
                                value: string;
                                url?: string;
                                externalId?: string;
                                contentId: string | null;
                                caseId: string | null;
                                /** @enum {string} */
                                status: "pending" | "taken_down" | "already_removed" | "not_found" | "clarified" | "answered";
                                decisionId: string | null;
                                handledAt: string | null;
                                proof: {
                                    decidedAt: string;
                                    decisionId: string;
                                    action: string;
                                    actorType: string;
                                    hashesBanked: number;
                                } | null;
                                clarification: {
                                    id: string;
                                    targetId: string;
                                    /** @enum {string} */
                                    reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                                    text: string;
                                    evidence: string[];
                                    targetStatus: string;
                                    createdBy: string;
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            organisation: string;
                            /** @enum {string} */
                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                            urgent: boolean;
                            urgentClock: boolean;
                            policyVersion: number | null;
                            legalBasis: string;
                            legalAnalysis: string | null;
                            requestedAction: string;
                            letter: string | null;
                            screenshots: string[];
                            issuedAt: string | null;
                            receivedAt: string;
                            dueAt: string;
                            /** @enum {string} */
                            status: "received" | "in_progress" | "completed" | "overdue";
                            breachedAt: string | null;
                            reminders: number[];
                            counts: {
                                pending: number;
                                taken_down: number;
                                already_removed: number;
                                not_found: number;
                                clarified: number;
                                answered: number;
                            };
                            answer: {
                                note: string;
                                items: {
                                    targetId: string;
                                    contentId: string;
                                    externalId: string;
                                    account: string | null;
                                    uploadedAt: string;
                                    /** @enum {string} */
                                    state: "available" | "removed" | "restricted" | "unknown";
                                }[];
                                answeredBy: string;
                                answeredAt: string;
                            } | null;
                            targets?: {
                                id: string;
                                /** @enum {string} */
                                kind: "url" | "contentId" | "externalId";
                                value: string;
                                url?: string;
                                externalId?: string;
                                contentId: string | null;
                                caseId: string | null;
                                /** @enum {string} */
                                status: "pending" | "taken_down" | "already_removed" | "not_found" | "clarified" | "answered";
                                decisionId: string | null;
                                handledAt: string | null;
                                proof: {
                                    decidedAt: string;
                                    decisionId: string;
                                    action: string;
                                    actorType: string;
                                    hashesBanked: number;
                                } | null;
                                clarification: {
                                    id: string;
                                    targetId: string;
                                    /** @enum {string} */
                                    reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                                    text: string;
                                    evidence: string[];
                                    targetStatus: string;
                                    createdBy: string;
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order with its targets, their status and proof: 404 for an order of another organisation (its existence is not revealed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            organisation: string;
                            /** @enum {string} */
                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                            urgent: boolean;
                            urgentClock: boolean;
                            policyVersion: number | null;
                            legalBasis: string;
                            legalAnalysis: string | null;
                            requestedAction: string;
                            letter: string | null;
                            screenshots: string[];
                            issuedAt: string | null;
                            receivedAt: string;
                            dueAt: string;
                            /** @enum {string} */
                            status: "received" | "in_progress" | "completed" | "overdue";
                            breachedAt: string | null;
                            reminders: number[];
                            counts: {
                                pending: number;
                                taken_down: number;
                                already_removed: number;
                                not_found: number;
                                clarified: number;
                                answered: number;
                            };
                            answer: {
                                note: string;
                                items: {
                                    targetId: string;
                                    contentId: string;
                                    externalId: string;
                                    account: string | null;
                                    uploadedAt: string;
                                    /** @enum {string} */
                                    state: "available" | "removed" | "restricted" | "unknown";
                                }[];
                                answeredBy: string;
                                answeredAt: string;
                            } | null;
                            targets?: {
                                id: string;
                                /** @enum {string} */
                                kind: "url" | "contentId" | "externalId";
                                value: string;
                                url?: string;
                                externalId?: string;
                                contentId: string | null;
                                caseId: string | null;
                                /** @enum {string} */
                                status: "pending" | "taken_down" | "already_removed" | "not_found" | "clarified" | "answered";
                                decisionId: string | null;
                                handledAt: string | null;
                                proof: {
                                    decidedAt: string;
                                    decisionId: string;
                                    action: string;
                                    actorType: string;
                                    hashesBanked: number;
                                } | null;
                                clarification: {
                                    id: string;
                                    targetId: string;
                                    /** @enum {string} */
                                    reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                                    text: string;
                                    evidence: string[];
                                    targetStatus: string;
                                    createdBy: string;
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The current state of up to 1000 URLs or ids: available, removed, restricted or unknown, since when, and whether a bank blocks a re-upload
         * @description An officer learns only the state of content their organisation’s orders target; anything else is `unknown`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description 1 to 1000 of { url } | { contentId } | { externalId } */
                        targets: ({
                            /** Format: uri */
                            url: string;
                        } | {
                            /** Format: uuid */
                            contentId: string;
                        } | {
                            externalId: string;
                        })[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            results: {
                                /** @enum {string} */
                                kind: "url" | "contentId" | "externalId";
                                value: string;
                                contentId: string | null;
                                /** @enum {string} */
                                state: "available" | "removed" | "restricted" | "unknown";
                                since: string | null;
                                blockedByBank: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/organisations/{org}/liaison": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The platform’s liaison (contact person) for an organisation; 404 when none is set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisation: string;
                            name: string;
                            email: string;
                            updatedBy: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Set the platform’s liaison for an organisation: told of each new order and of its clock by e-mail (the `mail_outbox` table an operator’s mailer reads) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisation: string;
                            name: string;
                            email: string;
                            updatedBy: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}/targets/{target}/clarification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer one target of an order with a clarification (objection, sanggah) instead of a takedown: the platform’s senior moderators and admins
         * @description A `pending` target becomes `clarified` and counts as answered for the order’s clock (no more reminders for it; the order completes when none is pending). A later removal still marks it `taken_down`. The officer of the order’s organisation sees it on the order’s target. One per target. Errors (nothing stored): 404 `not_found` (no such order, or the target is not this order’s), 404 `media_not_found` (an evidence upload), 409 `conflict` (already clarified).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    target: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                        text: string;
                        evidence?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            targetId: string;
                            /** @enum {string} */
                            reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                            text: string;
                            evidence: string[];
                            targetStatus: string;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}/information": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer a request for information (`requestedAction: information`), once: a person of the platform decides to disclose (senior moderators and admins)
         * @description With the platform’s `note`, Saring fills in for each target still waiting what it knows — the platform’s account id of the uploader, when the item was first stored, its platform id and its current state — and nothing more. The targets become `answered` and the order completes; the officer of the order’s organisation reads the answer on the order (`answer`). Audit and webhook `order.information_answered`. Errors (nothing stored): 404 `not_found` (no such order), 409 `invalid_state` (a takedown order), 409 `conflict` (answered already).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderNumber: string;
                            organisation: string;
                            /** @enum {string} */
                            category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                            urgent: boolean;
                            urgentClock: boolean;
                            policyVersion: number | null;
                            legalBasis: string;
                            legalAnalysis: string | null;
                            requestedAction: string;
                            letter: string | null;
                            screenshots: string[];
                            issuedAt: string | null;
                            receivedAt: string;
                            dueAt: string;
                            /** @enum {string} */
                            status: "received" | "in_progress" | "completed" | "overdue";
                            breachedAt: string | null;
                            reminders: number[];
                            counts: {
                                pending: number;
                                taken_down: number;
                                already_removed: number;
                                not_found: number;
                                clarified: number;
                                answered: number;
                            };
                            answer: {
                                note: string;
                                items: {
                                    targetId: string;
                                    contentId: string;
                                    externalId: string;
                                    account: string | null;
                                    uploadedAt: string;
                                    /** @enum {string} */
                                    state: "available" | "removed" | "restricted" | "unknown";
                                }[];
                                answeredBy: string;
                                answeredAt: string;
                            } | null;
                            targets?: {
                                id: string;
                                /** @enum {string} */
                                kind: "url" | "contentId" | "externalId";
                                value: string;
                                url?: string;
                                externalId?: string;
                                contentId: string | null;
                                caseId: string | null;
                                /** @enum {string} */
                                status: "pending" | "taken_down" | "already_removed" | "not_found" | "clarified" | "answered";
                                decisionId: string | null;
                                handledAt: string | null;
                                proof: {
                                    decidedAt: string;
                                    decisionId: string;
                                    action: string;
                                    actorType: string;
                                    hashesBanked: number;
                                } | null;
                                clarification: {
                                    id: string;
                                    targetId: string;
                                    /** @enum {string} */
                                    reason: "invalid_link" | "wrong_screenshot" | "not_prohibited" | "other";
                                    text: string;
                                    evidence: string[];
                                    targetStatus: string;
                                    createdBy: string;
                                    createdAt: string;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}/warnings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The warning letters (ST1–ST3) recorded against an order, with their fines and the ST2 commitment letter: 404 for an order of another organisation */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            warnings: {
                                id: string;
                                orderId: string;
                                level: 1 | 2 | 3;
                                letterDate: string;
                                letterNumber: string;
                                file: string | null;
                                commitment: {
                                    date: string;
                                    reference: string;
                                    file: string | null;
                                } | null;
                                fines: {
                                    id: string;
                                    warningId: string;
                                    amountIdr: number;
                                    imposedOn: string;
                                    note: string | null;
                                }[];
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a warning letter received from the regulator for an order (the platform’s admins), with the fines it imposes in rupiah
         * @description ST2 needs ST1 recorded, ST3 needs ST2: 409 `warning_out_of_order` otherwise; a level again: 409 `conflict`. A fine is a whole number of rupiah over 0 (422 `invalid_amount`). Nothing is stored when one fails.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        level: 1 | 2 | 3;
                        /** Format: date */
                        letterDate: string;
                        letterNumber: string;
                        file?: string;
                        /** @default [] */
                        fines?: {
                            amountIdr: number;
                            note?: string;
                        }[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderId: string;
                            level: 1 | 2 | 3;
                            letterDate: string;
                            letterNumber: string;
                            file: string | null;
                            commitment: {
                                date: string;
                                reference: string;
                                file: string | null;
                            } | null;
                            fines: {
                                id: string;
                                warningId: string;
                                amountIdr: number;
                                imposedOn: string;
                                note: string | null;
                            }[];
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}/commitment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record the platform’s commitment letter answering the order’s ST2 (date, reference, file): 409 `warning_out_of_order` without an ST2, `conflict` when already recorded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date */
                        date: string;
                        reference: string;
                        file?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            orderId: string;
                            level: 1 | 2 | 3;
                            letterDate: string;
                            letterNumber: string;
                            file: string | null;
                            commitment: {
                                date: string;
                                reference: string;
                                file: string | null;
                            } | null;
                            fines: {
                                id: string;
                                warningId: string;
                                amountIdr: number;
                                imposedOn: string;
                                note: string | null;
                            }[];
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/fines": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Fines imposed in a period (by the letters’ dates, inclusive): total, per organisation and per warning level; an officer sees only their organisation’s */
        get: {
            parameters: {
                query: {
                    from: string;
                    to: string;
                    organisation?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            to: string;
                            totalIdr: number;
                            count: number;
                            byOrganisation: {
                                organisation: string;
                                totalIdr: number;
                                count: number;
                            }[];
                            byLevel: {
                                level: number;
                                totalIdr: number;
                                count: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a batch of orders from a CSV or XLSX file (one row per target; rows with the same order number are one order)
         * @description The file is the raw body (`curl --data-binary @orders.xlsx -H "content-type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"`; `text/csv` for CSV, UTF-8, `,` or `;`), at most 20 MiB and 100000 rows; the format is read from the bytes unless `?format=csv|xlsx`. Columns (English or Indonesian headers, any case): `order_number`/`nomor_surat`, `category`/`kategori`, `legal_basis`/`dasar_hukum`, `target`/`url`/`tautan` (required), `urgent`/`mendesak`, `legal_analysis`/`analisis_hukum`, `letter`/`surat`, `issued_at`/`tanggal_surat`, `target_type`/`jenis_target`. A target with a scheme (`https://…`; only http and https pass) is a URL, a uuid a content id, anything else the platform’s id, unless `target_type` says. Up to 10000 targets per order. The organisation is the sender’s. The whole file is checked first: any problem, 422 `invalid_orders` with `details.rows` (up to 100 of `{ row, column, code, message }`, `details.more`: how many more) and nothing stored; an unreadable file 422 `invalid_order_file` or 400 `invalid_utf8`; over a limit (size, rows, an XLSX entry inflating too far) 413. Then each order is submitted like `POST /v1/regulator/orders`: an order number the organisation sent before is `existing` (nothing new stored), so importing a file again changes nothing.
         */
        post: {
            parameters: {
                query?: {
                    format?: "csv" | "xlsx";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            format: "csv" | "xlsx";
                            sha256: string;
                            orders: {
                                orderNumber: string;
                                id: string;
                                /** @enum {string} */
                                status: "created" | "existing";
                                receivedAt: string;
                                dueAt: string;
                                rows: {
                                    first: number;
                                    last: number;
                                };
                                counts: {
                                    pending: number;
                                    taken_down: number;
                                    already_removed: number;
                                    not_found: number;
                                    clarified: number;
                                    answered: number;
                                };
                            }[];
                            totals: {
                                orders: number;
                                created: number;
                                existing: number;
                                targets: number;
                                counts: {
                                    pending: number;
                                    taken_down: number;
                                    already_removed: number;
                                    not_found: number;
                                    clarified: number;
                                    answered: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/screenshots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a screenshot (an image, raw body) for a later order’s `screenshots`
         * @description curl --data-binary @shot.png -H "content-type: image/png" …/v1/regulator/screenshots. Returns 201 `{ upload, bytes, sha256 }`, also for bytes stored before (an officer does not learn what others uploaded); send the `upload` in `screenshots` with `POST /v1/regulator/orders`. The same limits and checks as `POST /v1/uploads`: over `SARING_MEDIA_MAX_BYTES`, a decompression bomb or frames over 4096 pixels a side: 413; corrupt: 422; a video or anything not an image: 415, and nothing is kept.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            upload: string;
                            bytes: number;
                            sha256: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/orders/{id}/screenshots/{index}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order’s screenshot itself (by position in `screenshots`): 404 for an order of another organisation (its existence is not revealed) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    index: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/compliance-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The signed compliance report of a period: every order received in it, its deadline, when each target was acted on, breaches; on-time rates per category and urgency
         * @description An officer’s report covers their organisation’s orders only; those who may read the platform’s content get every organisation’s. `signature`: Ed25519 (base64) over the UTF-8 canonical JSON (keys sorted, no spaces) of `report`; `keyId`: SHA-256 of the raw public key; the keys are at GET /v1/regulator/public-key. `saring report verify FILE` checks a saved answer. 400 `validation_failed`: `from` not before `to`, or more than 366 days.
         */
        get: {
            parameters: {
                query: {
                    /** @description Start of the period (inclusive): orders received at or after it */
                    from: string;
                    /** @description End of the period (exclusive) */
                    to: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            report: {
                                /** @enum {string} */
                                type: "saring.regulator.compliance-report.v1";
                                period: {
                                    from: string;
                                    to: string;
                                };
                                organisation: string | null;
                                generatedAt: string;
                                generatedBy: string;
                                keyId: string;
                                orders: {
                                    id: string;
                                    orderNumber: string;
                                    organisation: string;
                                    category: string;
                                    requestedAction: string;
                                    urgent: boolean;
                                    urgentClock: boolean;
                                    receivedAt: string;
                                    dueAt: string;
                                    completedAt: string | null;
                                    breached: boolean;
                                    breachedAt: string | null;
                                    /** @enum {string} */
                                    outcome: "on_time" | "breached" | "open";
                                    counts: {
                                        [key: string]: number;
                                    };
                                    targets: {
                                        kind: string;
                                        value: string;
                                        contentId: string | null;
                                        status: string;
                                        actedAt: string | null;
                                        decisionId: string | null;
                                        onTime: boolean | null;
                                    }[];
                                    warnings: {
                                        level: number;
                                        letterDate: string;
                                        letterNumber: string;
                                        commitmentDate: string | null;
                                        fines: {
                                            amountIdr: number;
                                            imposedOn: string;
                                        }[];
                                    }[];
                                }[];
                                totals: {
                                    orders: number;
                                    onTime: number;
                                    breached: number;
                                    open: number;
                                    onTimeRate: number | null;
                                    targets: number;
                                    warnings: {
                                        st1: number;
                                        st2: number;
                                        st3: number;
                                    };
                                    fines: number;
                                    finesIdr: number;
                                    byCategory: {
                                        [key: string]: {
                                            orders: number;
                                            onTime: number;
                                            breached: number;
                                            open: number;
                                            onTimeRate: number | null;
                                        };
                                    };
                                    byUrgency: {
                                        urgent: {
                                            orders: number;
                                            onTime: number;
                                            breached: number;
                                            open: number;
                                            onTimeRate: number | null;
                                        };
                                        standard: {
                                            orders: number;
                                            onTime: number;
                                            breached: number;
                                            open: number;
                                            onTimeRate: number | null;
                                        };
                                    };
                                };
                            };
                            signature: string;
                            keyId: string;
                            publicKey: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/public-key": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The public keys compliance reports are signed with: the current one first, then keys rotated out (kept so older reports still verify)
         * @description Public: whoever a report is handed to (a court, an auditor, the press) can check it without an account.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                keyId: string;
                                publicKey: string;
                                current: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/regulator/public-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign compliance reports with a new key from now on; the old public key stays listed for verification (admins) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            keys: {
                                keyId: string;
                                publicKey: string;
                                current: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transparency/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The transparency report of a period: the sections of the EU’s harmonised DSA transparency reporting templates (Implementing Regulation (EU) 2024/2835) and the Indonesian view of the regulator’s orders
         * @description `from` and `to`: days (YYYY-MM-DD), both inclusive, in `zone` (WIB, the default, or UTC). Sections: orders from authorities, notices (public reports), own-initiative moderation, complaints (appeals), automated means and their accuracy indicators, account actions; `indonesia`: orders on time within 4 h / 24 h, breached, warnings ST1–ST3, fines, clarifications. Every figure is counted over the stored rows when asked; medians in hours; a null figure has nothing to measure or no data in Saring (each section’s `note` says which). `format=csv`: one flat table `section,metric,dimension,value`. 422 `invalid_period`: `to` before `from`, more than 366 days, or a period starting in the future.
         */
        get: {
            parameters: {
                query: {
                    /** @description First day of the period (inclusive), YYYY-MM-DD in the zone `zone` */
                    from: string;
                    /** @description Last day of the period (inclusive), YYYY-MM-DD in the zone `zone` */
                    to: string;
                    /** @description The days’ time zone: WIB (UTC+7, the default) or UTC */
                    zone?: "WIB" | "UTC";
                    format?: "json" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            type: "saring.transparency-report.v1";
                            period: {
                                from: string;
                                to: string;
                                /** @enum {string} */
                                zone: "WIB" | "UTC";
                                utcOffset: string;
                                start: string;
                                end: string;
                                days: number;
                            };
                            generatedAt: string;
                            sections: {
                                orders: {
                                    orders: number;
                                    urgent: number;
                                    byRequestedAction: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byCategory: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byOrganisation: {
                                        key: string;
                                        count: number;
                                    }[];
                                    targets: number;
                                    targetsByStatus: {
                                        pending: number;
                                        taken_down: number;
                                        already_removed: number;
                                        not_found: number;
                                        clarified: number;
                                        answered: number;
                                    };
                                    medianHoursToAct: number | null;
                                    medianHoursToInform: number | null;
                                    note: string;
                                };
                                notices: {
                                    notices: number;
                                    byCategory: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byReporterType: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byOutcome: {
                                        actioned: number;
                                        rejected: number;
                                        pending: number;
                                    };
                                    actionedByGround: {
                                        key: string;
                                        count: number;
                                    }[];
                                    medianHoursToAction: number | null;
                                    trustedFlaggers: number | null;
                                    note: string;
                                };
                                ownInitiative: {
                                    decisions: number;
                                    byCategory: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byAction: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byGround: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byDetection: {
                                        key: string;
                                        count: number;
                                    }[];
                                    byAutomation: {
                                        key: string;
                                        count: number;
                                    }[];
                                    automatedDetection: number;
                                    automatedDecision: number;
                                    note: string;
                                };
                                complaints: {
                                    complaints: number;
                                    byOutcome: {
                                        upheld: number;
                                        overturned: number;
                                        pending: number;
                                    };
                                    byCategory: {
                                        key: string;
                                        count: number;
                                    }[];
                                    medianHoursToDecide: number | null;
                                    overturnRate: number | null;
                                    note: string;
                                };
                                automatedMeans: {
                                    automatedDecisions: number;
                                    reviewed: number;
                                    confirmed: number;
                                    reversed: number;
                                    errorRate: number | null;
                                    flagged: number;
                                    flagsConfirmed: number;
                                    flagsDismissed: number;
                                    flagPrecision: number | null;
                                    byCategory: {
                                        category: string;
                                        automatedDecisions: number;
                                        reviewed: number;
                                        confirmed: number;
                                        reversed: number;
                                        errorRate: number | null;
                                        flagged: number;
                                        flagsConfirmed: number;
                                        flagsDismissed: number;
                                        flagPrecision: number | null;
                                    }[];
                                    note: string;
                                };
                                accountActions: {
                                    actions: number;
                                    byAction: {
                                        key: string;
                                        count: number;
                                    }[];
                                    accounts: number;
                                    strikes: number;
                                    strikesRemoved: number;
                                    note: string;
                                };
                            };
                            indonesia: {
                                ordersReceived: number;
                                targets: number;
                                onTime: number;
                                breached: number;
                                open: number;
                                onTimeRate: number | null;
                                byUrgency: {
                                    urgent: {
                                        orders: number;
                                        onTime: number;
                                        breached: number;
                                        open: number;
                                        onTimeRate: number | null;
                                        deadlineHours: number;
                                    };
                                    standard: {
                                        orders: number;
                                        onTime: number;
                                        breached: number;
                                        open: number;
                                        onTimeRate: number | null;
                                        deadlineHours: number;
                                    };
                                };
                                byCategory: {
                                    orders: number;
                                    onTime: number;
                                    breached: number;
                                    open: number;
                                    onTimeRate: number | null;
                                    category: string;
                                }[];
                                warnings: {
                                    st1: number;
                                    st2: number;
                                    st3: number;
                                };
                                fines: number;
                                finesIdr: number;
                                clarifications: number;
                                note: string;
                            };
                            notes: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/transparency/statements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Statements of reasons in the EU DSA Transparency Database format, oldest first, paged by cursor; format=jsonl or csv streams every match
         * @description Every restriction (remove, restrict_16, restrict_18) and every decision that lifts one (an overturned appeal), under the database’s field names and enumerations (`statement`), with the ground under Indonesian law and the facts in Bahasa Indonesia (`indonesia`). Each statement is checked against the database’s rules: `valid`, and `errors` naming each broken rule’s field; `euSubmittable` when it is valid and scoped to EEA countries only. Filters: `from` (inclusive) and `to` (exclusive), dates (midnight UTC) or ISO 8601 times; `category` and `action` (Saring’s); `source` (the DSA source type). JSON answers `{ statements, nextCursor }` (pass `cursor=nextCursor` with the same filters). `format=jsonl` (one statement per line) and `format=csv` stream every match, without a row cap.
         */
        get: {
            parameters: {
                query?: {
                    from?: string;
                    to?: string;
                    category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                    action?: "allow" | "restrict_16" | "restrict_18" | "remove";
                    source?: "SOURCE_ARTICLE_16" | "SOURCE_TRUSTED_FLAGGER" | "SOURCE_TYPE_OTHER_NOTIFICATION" | "SOURCE_VOLUNTARY";
                    limit?: number;
                    cursor?: string;
                    format?: "json" | "jsonl" | "csv";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            statements: {
                                decisionId: string;
                                contentId: string;
                                externalId: string;
                                /** @enum {string} */
                                action: "allow" | "restrict_16" | "restrict_18" | "remove";
                                category: ("gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods") | null;
                                /** @enum {string} */
                                actorType: "automated" | "moderator" | "regulator_order";
                                decidedAt: string;
                                valid: boolean;
                                euSubmittable: boolean;
                                errors: {
                                    field: string;
                                    message: string;
                                }[];
                                statement: {
                                    decision_visibility?: string[];
                                    decision_visibility_other?: string;
                                    decision_monetary?: string;
                                    decision_monetary_other?: string;
                                    decision_provision?: string;
                                    decision_account?: string;
                                    account_type?: string;
                                    decision_ground: string;
                                    decision_ground_reference_url?: string;
                                    illegal_content_legal_ground?: string;
                                    illegal_content_explanation?: string;
                                    incompatible_content_ground?: string;
                                    incompatible_content_explanation?: string;
                                    incompatible_content_illegal?: string;
                                    category: string;
                                    category_specification?: string[];
                                    category_specification_other?: string;
                                    content_type: string[];
                                    content_type_other?: string;
                                    content_language?: string;
                                    content_date: string;
                                    application_date: string;
                                    territorial_scope: string[];
                                    automated_detection: string;
                                    automated_decision: string;
                                    source_type: string;
                                    source_identity?: string;
                                    decision_facts: string;
                                    puid: string;
                                };
                                indonesia: {
                                    legalGround: string | null;
                                    territorialScope: string[];
                                    decisionFacts: string;
                                    explanation: string;
                                };
                                appeal: {
                                    id: string;
                                    overturnedDecisionId: string;
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/age": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An account’s age record with its events (who, why, evidence), age checks, parental consents and open age review; 404 for an unknown account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            externalId: string;
                            record: {
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                /** @enum {string} */
                                assurance: "self_declared" | "estimated" | "verified";
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                nextBandAt: string | null;
                                dateOfBirth: string | null;
                                age: number | null;
                                source: string;
                                updatedAt: string;
                                /** @description The under-16 deactivation programme’s hold on the account */
                                hold: ("reverification" | "deactivated") | null;
                            } | null;
                            /** @enum {string} */
                            status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                            events: {
                                id: string;
                                kind: string;
                                actor: string;
                                reason: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                after: {
                                    [key: string]: unknown;
                                } | null;
                                evidence: {
                                    [key: string]: unknown;
                                } | null;
                                checkId: string | null;
                                caseId: string | null;
                                at: string;
                                evidencePurgedAt: string | null;
                            }[];
                            checks: {
                                id: string;
                                /** @enum {string} */
                                method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                /** @enum {string} */
                                result: "pass" | "fail" | "inconclusive";
                                outcome: {
                                    [key: string]: unknown;
                                } | null;
                                checkedAt: string;
                                createdBy: string;
                                createdAt: string;
                                purgedAt: string | null;
                            }[];
                            consents: {
                                id: string;
                                givenBy: string;
                                relation: string;
                                givenAt: string;
                                scope: ("restrict_16" | "restrict_18" | "public_account" | "direct_messages_from_strangers" | "live_gifts" | "personalised_ads")[];
                                withdrawnAt: string | null;
                                withdrawnBy: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                            openCase: {
                                id: string;
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                kind: "correction" | "underage_signal";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "accepted" | "rejected";
                                requestedBy: string;
                                claim: {
                                    [key: string]: unknown;
                                };
                                check: {
                                    id: string;
                                    /** @enum {string} */
                                    method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                    /** @enum {string} */
                                    result: "pass" | "fail" | "inconclusive";
                                    outcome: {
                                        [key: string]: unknown;
                                    } | null;
                                    checkedAt: string;
                                    createdBy: string;
                                    createdAt: string;
                                    purgedAt: string | null;
                                } | null;
                                evidence: {
                                    [key: string]: unknown;
                                } | null;
                                score: number | null;
                                contentId: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                openedBy: string;
                                openedAt: string;
                                updatedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                reason: string | null;
                                record: {
                                    accountId: string;
                                    externalId: string;
                                    /** @enum {string} */
                                    band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                    /** @enum {string} */
                                    assurance: "self_declared" | "estimated" | "verified";
                                    /** @enum {string} */
                                    status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                    nextBandAt: string | null;
                                    dateOfBirth: string | null;
                                    age: number | null;
                                    source: string;
                                    updatedAt: string;
                                    /** @description The under-16 deactivation programme’s hold on the account */
                                    hold: ("reverification" | "deactivated") | null;
                                } | null;
                            } | null;
                        };
                    };
                };
            };
        };
        /**
         * Set an account’s age from a declared age or a date of birth (the platform’s id; the account is created when new)
         * @description Body `{ declaredAge }` (whole years) or `{ dateOfBirth }` (YYYY-MM-DD). The band (under_13, 13_15, 16_17, 18_plus) and when it next changes are kept; the date of birth only when the policy’s `youth.storeDateOfBirth` is true. The assurance is `self_declared`; the status follows from the band and the policy’s minimum age (`youth.minimumAge[riskClass]`). Errors (nothing stored): 422 `invalid_age` (negative, over 130, a date that does not exist or is in the future); 409 `age_conflict` when the band contradicts an estimated or verified age (ask for a correction).
         */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Whole years, 0 to 130 */
                        declaredAge: number;
                    } | {
                        /** @description A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago */
                        dateOfBirth: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string;
                            externalId: string;
                            /** @enum {string} */
                            band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                            /** @enum {string} */
                            assurance: "self_declared" | "estimated" | "verified";
                            /** @enum {string} */
                            status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                            nextBandAt: string | null;
                            dateOfBirth: string | null;
                            age: number | null;
                            source: string;
                            updatedAt: string;
                            /** @description The under-16 deactivation programme’s hold on the account */
                            hold: ("reverification" | "deactivated") | null;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/age/checks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record an age check’s outcome (method, result, age or age range or date of birth, confidence, provider, time): never the document or the face
         * @description A `pass` sets the age when its assurance (id_document, population_data, parental_confirmation: `verified`; facial_estimation, other: `estimated`) is at least the record’s; otherwise it is recorded and the age stays (`applied: false`). An age range counts from its lower end. The outcome is evidence: purged after `youth.evidenceRetentionDays`. Errors: 422 `invalid_age`, `time_in_future`; 400 for any other field (no images, no documents).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                        /** @enum {string} */
                        result: "pass" | "fail" | "inconclusive";
                        /** @description Whole years, 0 to 130 */
                        age?: number;
                        ageRange?: {
                            /** @description Whole years, 0 to 130 */
                            min: number;
                            /** @description Whole years, 0 to 130 */
                            max: number;
                        };
                        /** @description A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago */
                        dateOfBirth?: string;
                        confidence?: number;
                        provider?: string;
                        /** Format: date-time */
                        checkedAt: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            check: {
                                id: string;
                                /** @enum {string} */
                                method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                /** @enum {string} */
                                result: "pass" | "fail" | "inconclusive";
                                outcome: {
                                    [key: string]: unknown;
                                } | null;
                                checkedAt: string;
                                createdBy: string;
                                createdAt: string;
                                purgedAt: string | null;
                            };
                            applied: boolean;
                            record: {
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                /** @enum {string} */
                                assurance: "self_declared" | "estimated" | "verified";
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                nextBandAt: string | null;
                                dateOfBirth: string | null;
                                age: number | null;
                                source: string;
                                updatedAt: string;
                                /** @description The under-16 deactivation programme’s hold on the account */
                                hold: ("reverification" | "deactivated") | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/age/corrections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A user’s or parent’s request to correct a wrong age, with the outcome of a check as evidence: opens an age review (status under_review)
         * @description The review goes to the policy’s `youth.underageSignals.queue` (default `age`). 409 `age_case_open` while another review of the account is open; 404 for an unknown account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        requestedBy: "user" | "parent";
                        /** @description Whole years, 0 to 130 */
                        declaredAge?: number;
                        /** @description A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago */
                        dateOfBirth?: string;
                        evidence: {
                            /** @enum {string} */
                            method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                            /** @enum {string} */
                            result: "pass" | "fail" | "inconclusive";
                            /** @description Whole years, 0 to 130 */
                            age?: number;
                            ageRange?: {
                                /** @description Whole years, 0 to 130 */
                                min: number;
                                /** @description Whole years, 0 to 130 */
                                max: number;
                            };
                            /** @description A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago */
                            dateOfBirth?: string;
                            confidence?: number;
                            provider?: string;
                            /** Format: date-time */
                            checkedAt: string;
                        };
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            externalId: string;
                            /** @enum {string} */
                            kind: "correction" | "underage_signal";
                            queue: string;
                            /** @enum {string} */
                            status: "open" | "accepted" | "rejected";
                            requestedBy: string;
                            claim: {
                                [key: string]: unknown;
                            };
                            check: {
                                id: string;
                                /** @enum {string} */
                                method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                /** @enum {string} */
                                result: "pass" | "fail" | "inconclusive";
                                outcome: {
                                    [key: string]: unknown;
                                } | null;
                                checkedAt: string;
                                createdBy: string;
                                createdAt: string;
                                purgedAt: string | null;
                            } | null;
                            evidence: {
                                [key: string]: unknown;
                            } | null;
                            score: number | null;
                            contentId: string | null;
                            before: {
                                [key: string]: unknown;
                            } | null;
                            openedBy: string;
                            openedAt: string;
                            updatedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            reason: string | null;
                            record: {
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                /** @enum {string} */
                                assurance: "self_declared" | "estimated" | "verified";
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                nextBandAt: string | null;
                                dateOfBirth: string | null;
                                age: number | null;
                                source: string;
                                updatedAt: string;
                                /** @description The under-16 deactivation programme’s hold on the account */
                                hold: ("reverification" | "deactivated") | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/age/cases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Age reviews (corrections and underage signals), oldest first, by status, kind, queue or account */
        get: {
            parameters: {
                query?: {
                    status?: "open" | "accepted" | "rejected";
                    kind?: "correction" | "underage_signal";
                    queue?: string;
                    account?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cases: {
                                id: string;
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                kind: "correction" | "underage_signal";
                                queue: string;
                                /** @enum {string} */
                                status: "open" | "accepted" | "rejected";
                                requestedBy: string;
                                claim: {
                                    [key: string]: unknown;
                                };
                                check: {
                                    id: string;
                                    /** @enum {string} */
                                    method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                    /** @enum {string} */
                                    result: "pass" | "fail" | "inconclusive";
                                    outcome: {
                                        [key: string]: unknown;
                                    } | null;
                                    checkedAt: string;
                                    createdBy: string;
                                    createdAt: string;
                                    purgedAt: string | null;
                                } | null;
                                evidence: {
                                    [key: string]: unknown;
                                } | null;
                                score: number | null;
                                contentId: string | null;
                                before: {
                                    [key: string]: unknown;
                                } | null;
                                openedBy: string;
                                openedAt: string;
                                updatedAt: string;
                                decidedBy: string | null;
                                decidedAt: string | null;
                                reason: string | null;
                                record: {
                                    accountId: string;
                                    externalId: string;
                                    /** @enum {string} */
                                    band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                    /** @enum {string} */
                                    assurance: "self_declared" | "estimated" | "verified";
                                    /** @enum {string} */
                                    status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                    nextBandAt: string | null;
                                    dateOfBirth: string | null;
                                    age: number | null;
                                    source: string;
                                    updatedAt: string;
                                    /** @description The under-16 deactivation programme’s hold on the account */
                                    hold: ("reverification" | "deactivated") | null;
                                } | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/age/cases/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One age review with its evidence and the account’s age record */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            externalId: string;
                            /** @enum {string} */
                            kind: "correction" | "underage_signal";
                            queue: string;
                            /** @enum {string} */
                            status: "open" | "accepted" | "rejected";
                            requestedBy: string;
                            claim: {
                                [key: string]: unknown;
                            };
                            check: {
                                id: string;
                                /** @enum {string} */
                                method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                /** @enum {string} */
                                result: "pass" | "fail" | "inconclusive";
                                outcome: {
                                    [key: string]: unknown;
                                } | null;
                                checkedAt: string;
                                createdBy: string;
                                createdAt: string;
                                purgedAt: string | null;
                            } | null;
                            evidence: {
                                [key: string]: unknown;
                            } | null;
                            score: number | null;
                            contentId: string | null;
                            before: {
                                [key: string]: unknown;
                            } | null;
                            openedBy: string;
                            openedAt: string;
                            updatedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            reason: string | null;
                            record: {
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                /** @enum {string} */
                                assurance: "self_declared" | "estimated" | "verified";
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                nextBandAt: string | null;
                                dateOfBirth: string | null;
                                age: number | null;
                                source: string;
                                updatedAt: string;
                                /** @description The under-16 deactivation programme’s hold on the account */
                                hold: ("reverification" | "deactivated") | null;
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/age/cases/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Decide an age review with a reason: accept sets the age claimed (or the one given here), reject restores the status
         * @description Accepting a correction gives the assurance of its evidence (a passed check) or `self_declared`; accepting an underage signal gives `estimated`. 409 `case_closed` for a decided review.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        decision: "accept" | "reject";
                        reason: string;
                        /** @description Whole years, 0 to 130 */
                        declaredAge?: number;
                        /** @description A calendar date, YYYY-MM-DD: not in the future, at most 130 years ago */
                        dateOfBirth?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            accountId: string;
                            externalId: string;
                            /** @enum {string} */
                            kind: "correction" | "underage_signal";
                            queue: string;
                            /** @enum {string} */
                            status: "open" | "accepted" | "rejected";
                            requestedBy: string;
                            claim: {
                                [key: string]: unknown;
                            };
                            check: {
                                id: string;
                                /** @enum {string} */
                                method: "id_document" | "facial_estimation" | "population_data" | "parental_confirmation" | "other";
                                /** @enum {string} */
                                result: "pass" | "fail" | "inconclusive";
                                outcome: {
                                    [key: string]: unknown;
                                } | null;
                                checkedAt: string;
                                createdBy: string;
                                createdAt: string;
                                purgedAt: string | null;
                            } | null;
                            evidence: {
                                [key: string]: unknown;
                            } | null;
                            score: number | null;
                            contentId: string | null;
                            before: {
                                [key: string]: unknown;
                            } | null;
                            openedBy: string;
                            openedAt: string;
                            updatedAt: string;
                            decidedBy: string | null;
                            decidedAt: string | null;
                            reason: string | null;
                            record: {
                                accountId: string;
                                externalId: string;
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                /** @enum {string} */
                                assurance: "self_declared" | "estimated" | "verified";
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                nextBandAt: string | null;
                                dateOfBirth: string | null;
                                age: number | null;
                                source: string;
                                updatedAt: string;
                                /** @description The under-16 deactivation programme’s hold on the account */
                                hold: ("reverification" | "deactivated") | null;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Parental consents of an account, newest first (withdrawn ones with when) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            consents: {
                                id: string;
                                givenBy: string;
                                relation: string;
                                givenAt: string;
                                scope: ("restrict_16" | "restrict_18" | "public_account" | "direct_messages_from_strangers" | "live_gifts" | "personalised_ads")[];
                                withdrawnAt: string | null;
                                withdrawnBy: string | null;
                                createdBy: string;
                                createdAt: string;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Record a parent’s or guardian’s consent for a minor’s account: who, relation, when, which features
         * @description 409 `invalid_state` for an account of 18 or over; 404 for an unknown account.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        givenBy: string;
                        /** @enum {string} */
                        relation: "parent" | "guardian" | "other";
                        /** Format: date-time */
                        givenAt: string;
                        scope: ("restrict_16" | "restrict_18" | "public_account" | "direct_messages_from_strangers" | "live_gifts" | "personalised_ads")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            givenBy: string;
                            relation: string;
                            givenAt: string;
                            scope: ("restrict_16" | "restrict_18" | "public_account" | "direct_messages_from_strangers" | "live_gifts" | "personalised_ads")[];
                            withdrawnAt: string | null;
                            withdrawnBy: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/consents/{cid}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Withdraw a parental consent (409 `invalid_state` when already withdrawn) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                    cid: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        withdrawnAt?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            givenBy: string;
                            relation: string;
                            givenAt: string;
                            scope: ("restrict_16" | "restrict_18" | "public_account" | "direct_messages_from_strangers" | "live_gifts" | "personalised_ads")[];
                            withdrawnAt: string | null;
                            withdrawnBy: string | null;
                            createdBy: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{id}/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What an account may do and why: status, band, assurance, the minimum age, and each feature of the policy’s youth.features with allowed and reason
         * @description An unknown account, or one without an age record, is `pending_verification` and may use no age-gated feature.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accountId: string | null;
                            externalId: string;
                            /** @enum {string} */
                            status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                            /** @enum {string} */
                            band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                            assurance: ("self_declared" | "estimated" | "verified") | null;
                            minimumAge: number;
                            features: {
                                restrict_16: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                                restrict_18: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                                public_account: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                                direct_messages_from_strangers: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                                live_gifts: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                                personalised_ads: {
                                    allowed: boolean;
                                    minimumAge: number;
                                    /** @enum {string} */
                                    reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                };
                            };
                            reasons: ("no_age_record" | "age_unknown" | "under_minimum_age" | "age_uncertain" | "minor_protections" | "under_review" | "reverification_requested" | "deactivated" | "adult")[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/eligibility": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Eligibility of up to 1000 accounts at once (the platform’s ids), in the order asked (feeds) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                accountId: string | null;
                                externalId: string;
                                /** @enum {string} */
                                status: "allowed" | "restricted_minor" | "not_allowed" | "pending_verification" | "under_review";
                                /** @enum {string} */
                                band: "under_13" | "13_15" | "16_17" | "18_plus" | "unknown";
                                assurance: ("self_declared" | "estimated" | "verified") | null;
                                minimumAge: number;
                                features: {
                                    restrict_16: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                    restrict_18: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                    public_account: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                    direct_messages_from_strangers: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                    live_gifts: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                    personalised_ads: {
                                        allowed: boolean;
                                        minimumAge: number;
                                        /** @enum {string} */
                                        reason: "old_enough" | "under_feature_age" | "private_by_default" | "age_uncertain" | "account_not_allowed" | "age_unknown";
                                    };
                                };
                                reasons: ("no_age_record" | "age_unknown" | "under_minimum_age" | "age_uncertain" | "minor_protections" | "under_review" | "reverification_requested" | "deactivated" | "adult")[];
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/deactivation/plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Deactivation plans, newest first, with their dates and their accounts per phase */
        get: {
            parameters: {
                query?: {
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            plans: {
                                id: string;
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                found: {
                                    declared_under_minimum: number;
                                    underage_signal: number;
                                    unverified_old_account: number;
                                };
                                accounts: number;
                                alreadyInProgramme: number;
                                settings: {
                                    minimumAge: number;
                                    verificationDays: number;
                                    noticeDays: number;
                                    unverifiedAccountDays: number;
                                    policyVersion: number | null;
                                };
                                note: string | null;
                                createdBy: string;
                                createdByName: string | null;
                                createdAt: string;
                                verifyBy: string;
                                deactivateFrom: string;
                                phases: {
                                    reverification_requested: number;
                                    transition_notice: number;
                                    deactivated: number;
                                    cleared: number;
                                };
                                requestsPending: number;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Find the accounts that are or may be under the minimum age and start a deactivation plan (Permenkomdigi 9/2026); `dryRun: true` only counts
         * @description Reasons (default all): declared_under_minimum, underage_signal, unverified_old_account — a band under the policy’s minimum age (declared or verified), an open or confirmed underage-signal age review, an account older than youth.deactivation.unverifiedAccountDays with only a self-declared age. Accounts already in the programme are not taken again (`alreadyInProgramme`); a plan takes at most `limit` (default 10,000, at most 50000), oldest accounts first, and `remaining` says how many a further plan would take. Each account taken: its re-verification is requested (status pending_verification, webhook `youth.reverification_requested` with `verifyBy`); after youth.deactivation.verificationDays without a verification at or over the minimum age, the transition notice (webhook `youth.transition_notice` with `deactivateOn` and the data-export offer); after noticeDays, deactivated (webhook `youth.deactivated`; eligibility: may not hold an account, reason deactivated). A verification at or over the minimum age clears it at any phase (webhook `youth.cleared`). A plan of more than 1000 accounts answers at once and sends its requests in the background (`requestsPending` counts those still to go), a chunk of accounts per transaction; a restart resumes them. 201 with the plan; 200 on a dry run or when nothing new was found (`plan: null`, nothing stored).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @default false */
                        dryRun?: boolean;
                        /**
                         * @default [
                         *       "declared_under_minimum",
                         *       "underage_signal",
                         *       "unverified_old_account"
                         *     ]
                         */
                        reasons?: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                        /** @default 10000 */
                        limit?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            preview: {
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                found: {
                                    declared_under_minimum: number;
                                    underage_signal: number;
                                    unverified_old_account: number;
                                };
                                accounts: number;
                                remaining: number;
                                alreadyInProgramme: number;
                                settings: {
                                    minimumAge: number;
                                    verificationDays: number;
                                    noticeDays: number;
                                    unverifiedAccountDays: number;
                                    policyVersion: number | null;
                                };
                            };
                            plan: {
                                id: string;
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                found: {
                                    declared_under_minimum: number;
                                    underage_signal: number;
                                    unverified_old_account: number;
                                };
                                accounts: number;
                                alreadyInProgramme: number;
                                settings: {
                                    minimumAge: number;
                                    verificationDays: number;
                                    noticeDays: number;
                                    unverifiedAccountDays: number;
                                    policyVersion: number | null;
                                };
                                note: string | null;
                                createdBy: string;
                                createdByName: string | null;
                                createdAt: string;
                                verifyBy: string;
                                deactivateFrom: string;
                                phases: {
                                    reverification_requested: number;
                                    transition_notice: number;
                                    deactivated: number;
                                    cleared: number;
                                };
                                requestsPending: number;
                            } | null;
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dryRun: boolean;
                            preview: {
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                found: {
                                    declared_under_minimum: number;
                                    underage_signal: number;
                                    unverified_old_account: number;
                                };
                                accounts: number;
                                remaining: number;
                                alreadyInProgramme: number;
                                settings: {
                                    minimumAge: number;
                                    verificationDays: number;
                                    noticeDays: number;
                                    unverifiedAccountDays: number;
                                    policyVersion: number | null;
                                };
                            };
                            plan: {
                                id: string;
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                found: {
                                    declared_under_minimum: number;
                                    underage_signal: number;
                                    unverified_old_account: number;
                                };
                                accounts: number;
                                alreadyInProgramme: number;
                                settings: {
                                    minimumAge: number;
                                    verificationDays: number;
                                    noticeDays: number;
                                    unverifiedAccountDays: number;
                                    policyVersion: number | null;
                                };
                                note: string | null;
                                createdBy: string;
                                createdByName: string | null;
                                createdAt: string;
                                verifyBy: string;
                                deactivateFrom: string;
                                phases: {
                                    reverification_requested: number;
                                    transition_notice: number;
                                    deactivated: number;
                                    cleared: number;
                                };
                                requestsPending: number;
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/deactivation/plans/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A deactivation plan’s progress: its accounts per phase, its dates */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                            found: {
                                declared_under_minimum: number;
                                underage_signal: number;
                                unverified_old_account: number;
                            };
                            accounts: number;
                            alreadyInProgramme: number;
                            settings: {
                                minimumAge: number;
                                verificationDays: number;
                                noticeDays: number;
                                unverifiedAccountDays: number;
                                policyVersion: number | null;
                            };
                            note: string | null;
                            createdBy: string;
                            createdByName: string | null;
                            createdAt: string;
                            verifyBy: string;
                            deactivateFrom: string;
                            phases: {
                                reverification_requested: number;
                                transition_notice: number;
                                deactivated: number;
                                cleared: number;
                            };
                            requestsPending: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/deactivation/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Accounts in the programme (of a phase, of a plan), latest phase change first, paged by cursor: the platform’s account id, reasons and dates */
        get: {
            parameters: {
                query?: {
                    phase?: "reverification_requested" | "transition_notice" | "deactivated" | "cleared";
                    plan?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            accounts: {
                                id: string;
                                planId: string;
                                accountId: string;
                                externalId: string;
                                reasons: ("declared_under_minimum" | "underage_signal" | "unverified_old_account")[];
                                /** @enum {string} */
                                phase: "reverification_requested" | "transition_notice" | "deactivated" | "cleared";
                                phaseAt: string;
                                requestedAt: string | null;
                                verifyBy: string;
                                noticeAt: string | null;
                                deactivateOn: string | null;
                                deactivatedAt: string | null;
                                clearedAt: string | null;
                                clearedFrom: ("reverification_requested" | "transition_notice" | "deactivated" | "cleared") | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/deactivation/summary": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The programme’s counts for the regulator: accounts per phase and reason, cleared per phase, plans — figures only, no account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            asOf: string;
                            plans: number;
                            firstPlanAt: string | null;
                            accounts: number;
                            phases: {
                                reverification_requested: number;
                                transition_notice: number;
                                deactivated: number;
                                cleared: number;
                            };
                            reasons: {
                                declared_under_minimum: number;
                                underage_signal: number;
                                unverified_old_account: number;
                            };
                            clearedFrom: {
                                reverification_requested: number;
                                transition_notice: number;
                                deactivated: number;
                            };
                            settings: {
                                minimumAge: number;
                                verificationDays: number;
                                noticeDays: number;
                                unverifiedAccountDays: number;
                                policyVersion: number | null;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/risk-assessments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The risk self-assessment’s versions, newest first: who saved each when, its levels, and which aspects it changed */
        get: {
            parameters: {
                query?: {
                    before?: number;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            versions: {
                                version: number;
                                summary: string | null;
                                levels: {
                                    /** @enum {string} */
                                    content: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    contact: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    exploitation: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    personal_data: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    addiction: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    mental_health: "low" | "medium" | "high" | "very_high";
                                    /** @enum {string} */
                                    physical_health: "low" | "medium" | "high" | "very_high";
                                };
                                changed: ("content" | "contact" | "exploitation" | "personal_data" | "addiction" | "mental_health" | "physical_health")[];
                                createdBy: string;
                                createdByName: string;
                                createdAt: string;
                            }[];
                            nextBefore: number | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Save the risk self-assessment (PP 17/2025, seven aspects) as a new version: level, assessment, evidence and mitigations per aspect
         * @description `aspects`: all seven of content, contact, exploitation, personal_data, addiction, mental_health, physical_health, each `{ level, assessment, evidence: [], mitigations: [] }` with level one of low, medium, high, very_high. Each save is a new version (who, when); none is changed in place. `basedOn`: the version the edit started from (0 for the first); when another was saved since, 409 `conflict` and nothing is stored. Errors (nothing stored): 422 `incomplete_risk_assessment` (an aspect missing), 422 `invalid_risk_level`, 400 `validation_failed`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        basedOn?: number;
                        summary?: string;
                        aspects: {
                            content?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            contact?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            exploitation?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            personal_data?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            addiction?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            mental_health?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                            physical_health?: {
                                level: string;
                                assessment: string;
                                /** @default [] */
                                evidence?: string[];
                                /** @default [] */
                                mitigations?: string[];
                            };
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            summary: string | null;
                            aspects: {
                                content: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                contact: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                exploitation: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                personal_data: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                addiction: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                mental_health: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                physical_health: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                            };
                            createdBy: string;
                            createdByName: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/youth/risk-assessments/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A version of the risk self-assessment (`latest` for the newest); `format=md`: the document a regulator asks for, in Bahasa Indonesia (Markdown)
         * @description 404 `not_found`: no such version (or, for `latest`, none saved yet).
         */
        get: {
            parameters: {
                query?: {
                    format?: "json" | "md";
                };
                header?: never;
                path: {
                    version: "latest" | string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            version: number;
                            summary: string | null;
                            aspects: {
                                content: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                contact: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                exploitation: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                personal_data: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                addiction: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                mental_health: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                                physical_health: {
                                    /** @enum {string} */
                                    level: "low" | "medium" | "high" | "very_high";
                                    assessment: string;
                                    evidence: string[];
                                    mitigations: string[];
                                };
                            };
                            createdBy: string;
                            createdByName: string;
                            createdAt: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/nominations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Nominations, newest first, paged by cursor: a partner sees only their organisation’s (`status=left`: what left the catalogue and why) */
        get: {
            parameters: {
                query?: {
                    status?: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nominations: {
                                id: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                    caption: string | null;
                                };
                                /** @enum {string} */
                                band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                                /** @enum {string} */
                                topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                                note: string | null;
                                organisation: string;
                                /** @enum {string} */
                                status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                                nominatedBy: string;
                                nominatedAt: string;
                                decision: {
                                    by: string;
                                    organisation: string | null;
                                    at: string;
                                    reason: string | null;
                                    approved: boolean;
                                } | null;
                                checks: {
                                    /** @enum {string} */
                                    check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                    passed: boolean;
                                    detail: string | null;
                                }[] | null;
                                cataloguedAt: string | null;
                                left: {
                                    at: string;
                                    /** @enum {string} */
                                    reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                    detail: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Nominate content for the educational catalogue (a partner, as their organisation): by Saring’s id or the platform’s id, with a PP Tunas age band and a topic
         * @description The nomination waits for a partner’s approval (`GET /v1/programme/approvals`). Errors (nothing stored): 422 `unknown_content` (no such content), 422 `content_not_eligible` (removed, held, restricted or in review), 409 `already_nominated` (pending or in the catalogue for this band), 422 `organisation_required`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contentId?: string;
                        externalId?: string;
                        /** @enum {string} */
                        band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                        /** @enum {string} */
                        topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                caption: string | null;
                            };
                            /** @enum {string} */
                            band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                            /** @enum {string} */
                            topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                            note: string | null;
                            organisation: string;
                            /** @enum {string} */
                            status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                            nominatedBy: string;
                            nominatedAt: string;
                            decision: {
                                by: string;
                                organisation: string | null;
                                at: string;
                                reason: string | null;
                                approved: boolean;
                            } | null;
                            checks: {
                                /** @enum {string} */
                                check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                passed: boolean;
                                detail: string | null;
                            }[] | null;
                            cataloguedAt: string | null;
                            left: {
                                at: string;
                                /** @enum {string} */
                                reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                detail: {
                                    [key: string]: unknown;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/nominations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A nomination with its decision, safety checks and, if it left the catalogue, why: 404 for another organisation’s (except a pending one its approver may decide) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                caption: string | null;
                            };
                            /** @enum {string} */
                            band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                            /** @enum {string} */
                            topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                            note: string | null;
                            organisation: string;
                            /** @enum {string} */
                            status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                            nominatedBy: string;
                            nominatedAt: string;
                            decision: {
                                by: string;
                                organisation: string | null;
                                at: string;
                                reason: string | null;
                                approved: boolean;
                            } | null;
                            checks: {
                                /** @enum {string} */
                                check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                passed: boolean;
                                detail: string | null;
                            }[] | null;
                            cataloguedAt: string | null;
                            left: {
                                at: string;
                                /** @enum {string} */
                                reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                detail: {
                                    [key: string]: unknown;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/approvals": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Pending nominations this partner may decide: never their own, and only other organisations’ when the policy’s youth.programme.secondOrganisation is on */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            nominations: {
                                id: string;
                                content: {
                                    id: string;
                                    externalId: string;
                                    kind: string;
                                    caption: string | null;
                                };
                                /** @enum {string} */
                                band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                                /** @enum {string} */
                                topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                                note: string | null;
                                organisation: string;
                                /** @enum {string} */
                                status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                                nominatedBy: string;
                                nominatedAt: string;
                                decision: {
                                    by: string;
                                    organisation: string | null;
                                    at: string;
                                    reason: string | null;
                                    approved: boolean;
                                } | null;
                                checks: {
                                    /** @enum {string} */
                                    check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                    passed: boolean;
                                    detail: string | null;
                                }[] | null;
                                cataloguedAt: string | null;
                                left: {
                                    at: string;
                                    /** @enum {string} */
                                    reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                    detail: {
                                        [key: string]: unknown;
                                    };
                                } | null;
                            }[];
                            nextCursor: string | null;
                            secondOrganisation: boolean;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/nominations/{id}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Approve a nomination: Saring’s safety checks run, and it enters the catalogue only if every one passes (`catalogued`), else `blocked` with the checks that failed
         * @description Checks: the content is active; no category of its latest verdict is above allow; its media match no bank; no review case holds it; its account is not suspended or closed and not under the minimum age. Errors (nothing changed): 403 `own_nomination`, 403 `second_organisation_required` (the policy asks for a partner of another organisation), 409 `nomination_decided`, 404 `not_found`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                caption: string | null;
                            };
                            /** @enum {string} */
                            band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                            /** @enum {string} */
                            topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                            note: string | null;
                            organisation: string;
                            /** @enum {string} */
                            status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                            nominatedBy: string;
                            nominatedAt: string;
                            decision: {
                                by: string;
                                organisation: string | null;
                                at: string;
                                reason: string | null;
                                approved: boolean;
                            } | null;
                            checks: {
                                /** @enum {string} */
                                check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                passed: boolean;
                                detail: string | null;
                            }[] | null;
                            cataloguedAt: string | null;
                            left: {
                                at: string;
                                /** @enum {string} */
                                reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                detail: {
                                    [key: string]: unknown;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/nominations/{id}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reject a nomination with a reason (shown to the nominating organisation)
         * @description Errors (nothing changed): 403 `own_nomination`, 403 `second_organisation_required`, 409 `nomination_decided`, 404 `not_found`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            content: {
                                id: string;
                                externalId: string;
                                kind: string;
                                caption: string | null;
                            };
                            /** @enum {string} */
                            band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                            /** @enum {string} */
                            topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                            note: string | null;
                            organisation: string;
                            /** @enum {string} */
                            status: "pending" | "rejected" | "blocked" | "catalogued" | "left";
                            nominatedBy: string;
                            nominatedAt: string;
                            decision: {
                                by: string;
                                organisation: string | null;
                                at: string;
                                reason: string | null;
                                approved: boolean;
                            } | null;
                            checks: {
                                /** @enum {string} */
                                check: "content_active" | "verdict_allow" | "no_bank_match" | "no_open_review" | "account_standing" | "account_age";
                                passed: boolean;
                                detail: string | null;
                            }[] | null;
                            cataloguedAt: string | null;
                            left: {
                                at: string;
                                /** @enum {string} */
                                reason: "flagged" | "reported" | "removed" | "restricted" | "account_action" | "underage_account";
                                detail: {
                                    [key: string]: unknown;
                                };
                            } | null;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/catalogue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The catalogue the under-16 experience is served: approved items that passed the safety checks and are safe now (active, held by no review case), newest first, by band and topic, paged by cursor */
        get: {
            parameters: {
                query?: {
                    band?: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                    topic?: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            items: {
                                id: string;
                                contentId: string;
                                externalId: string;
                                kind: string;
                                caption: string | null;
                                /** @enum {string} */
                                band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                                /** @enum {string} */
                                topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                                note: string | null;
                                organisation: string;
                                approvedBy: string | null;
                                cataloguedAt: string;
                            }[];
                            nextCursor: string | null;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The programme report for a period: the catalogue by topic and age band, nominations, approvals, rejections, blocked approvals, removals by reason, median hours to review
         * @description `from` and `to`: days (YYYY-MM-DD), both inclusive, in `zone` (WIB by default). 422 `invalid_period`: `to` before `from`, more than 366 days, or starting in the future.
         */
        get: {
            parameters: {
                query: {
                    /** @description First day of the period (inclusive), YYYY-MM-DD in the zone `zone` */
                    from: string;
                    /** @description Last day of the period (inclusive), YYYY-MM-DD in the zone `zone` */
                    to: string;
                    /** @description The days’ time zone: WIB (UTC+7, the default) or UTC */
                    zone?: "WIB" | "UTC";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            period: {
                                from: string;
                                to: string;
                            };
                            catalogue: {
                                total: number;
                                byTopic: {
                                    [key: string]: number;
                                };
                                byBand: {
                                    [key: string]: number;
                                };
                                cells: {
                                    /** @enum {string} */
                                    topic: "digital_literacy" | "science" | "mathematics" | "language" | "religion_character" | "health" | "arts" | "online_safety" | "history_culture" | "environment";
                                    /** @enum {string} */
                                    band: "3_5" | "6_9" | "10_12" | "13_15" | "16_17";
                                    count: number;
                                }[];
                            };
                            nominations: number;
                            approvals: number;
                            rejections: number;
                            blocked: {
                                total: number;
                                byCheck: {
                                    [key: string]: number;
                                };
                            };
                            removals: {
                                total: number;
                                byReason: {
                                    [key: string]: number;
                                };
                            };
                            medianHoursToReview: number | null;
                            pending: number;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/reports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A partner reports harm to children: a report that opens (or joins) the item’s report case in the `children` queue at urgent priority; a catalogued item leaves the catalogue
         * @description Answered like a public report when the case is decided (`report.resolved`). Content already removed: 200 `actioned` at once. 422 `unknown_content`, 422 `organisation_required`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: uuid */
                        contentId?: string;
                        externalId?: string;
                        /** @enum {string} */
                        category: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods" | "other";
                        reason: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reportId: string;
                            contentId: string;
                            caseId: string | null;
                            /** @enum {string} */
                            status: "received" | "actioned";
                        };
                    };
                };
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            reportId: string;
                            contentId: string;
                            caseId: string | null;
                            /** @enum {string} */
                            status: "received" | "actioned";
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/programme/organisations/{org}/contact": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A partner organisation’s contact, told by e-mail when its items leave the catalogue (a partner: only their own); 404 when none is set */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisation: string;
                            name: string;
                            email: string;
                            updatedBy: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        /** Set a partner organisation’s contact (a partner: only their own): told when its items leave the catalogue, through the `mail_outbox` table an operator’s mailer reads */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    org: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        /** Format: email */
                        email: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            organisation: string;
                            name: string;
                            email: string;
                            updatedBy: string;
                            updatedAt: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/audience/filter": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Which of up to 10,000 content items an account may see (feeds), and why the others are hidden
         * @description `account` is the platform’s id for the viewer; `ids` are Saring content ids or the platform’s content ids. Hidden, with a reason: `unknown` (no such content), `removed`, `held`, `restrict_16` / `restrict_18` (restricted content above the account’s feature age, policy `youth.features`), `adult_audience` (content for adults, shown like `restrict_18`), `not_in_catalogue` (an account under the minimum age sees only the educational programme’s catalogue items of its PP Tunas band). An account without an age record counts as age unknown: restricted and adult content is hidden. 422 `too_many_targets` over the limit.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        account: string;
                        ids: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            visible: string[];
                            hidden: {
                                id: string;
                                /** @enum {string} */
                                reason: "unknown" | "removed" | "held" | "restrict_16" | "restrict_18" | "adult_audience" | "not_in_catalogue";
                            }[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers, the job queue is started, the scan configuration and models and the bank matcher are loaded (503 naming what is not) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ready: boolean;
                            checks: {
                                [key: string]: {
                                    ok: boolean;
                                    detail?: string;
                                    error?: string;
                                };
                            };
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ready: boolean;
                            checks: {
                                [key: string]: {
                                    ok: boolean;
                                    detail?: string;
                                    error?: string;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format); give your Prometheus its own API key with metrics:read */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The job queues: jobs waiting, running and failed, and the longest wait */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queues: {
                                queue: string;
                                queued: number;
                                active: number;
                                failed: number;
                                oldestSeconds: number;
                                deadLetter: boolean;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/failed": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The dead-letter list: jobs that failed for good, newest first, with their error, attempts and data */
        get: {
            parameters: {
                query?: {
                    queue?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            jobs: {
                                id: string;
                                queue: string;
                                error: {
                                    message: string;
                                    code?: string;
                                };
                                attempts: number;
                                data: string;
                                createdAt: string;
                                failedAt: string | null;
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/failed/{id}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-drive one failed job (queued again with one more attempt); a job no longer failed is left as it is (retried: false) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            queue: string;
                            retried: boolean;
                            state: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/jobs/failed/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Re-drive every failed job of a queue */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        queue: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            queue: string;
                            retried: number;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sweeps, newest first, with their progress */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sweeps: {
                                id: string;
                                /** @enum {string} */
                                mode: "backtest" | "apply";
                                /** @enum {string} */
                                status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                                filter: {
                                    [key: string]: unknown;
                                };
                                policyVersion: string;
                                candidate?: {
                                    policy?: {
                                        version: number;
                                    } | {
                                        sha256: string;
                                    };
                                    lexicons?: {
                                        [key: string]: number;
                                    };
                                };
                                overrideHuman: boolean;
                                note: string | null;
                                createdBy: string;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                progress: {
                                    total: number;
                                    processed: number;
                                    changed: number;
                                    acted: number;
                                    ratePerSecond: number;
                                    etaSeconds: number | null;
                                    ranges: {
                                        total: number;
                                        done: number;
                                    };
                                };
                            }[];
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Start a sweep: re-scan stored content (all, or a filter) as a backtest (a dry run, against a candidate policy or lexicon versions) or applied (acting through the decision path)
         * @description `filter` keys (unknown keys are refused): `kind`, `createdFrom`, `createdTo` (the platform's creation time, else when stored; `createdTo` exclusive), `category` (latest scan's top category or latest decision's), `status`, `account` (the platform's account id), `bank` (a bank's name), `policyVersion` (the policy version of the item's latest scan). A backtest may name `policy: { source }` (YAML, validated like POST /v1/policy) or `policy: { version }` and `lexicons: { name: version }`; nothing is activated and nothing is written to content. An apply sweep runs the active configuration, acts only where the verdict is stricter than the item's state, never lifts, and keeps a person's latest decision unless `overrideHuman`. A filter that matches nothing: 201, and the sweep is `finished` at once with 0 items. 409 `sweep_conflict` while another apply sweep (or an identical backtest) is active; 422 `invalid_policy`, 404 `not_found` (a version or lexicon), 400 `validation_failed`: nothing created.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        mode: "backtest" | "apply";
                        filter?: {
                            kind?: ("video" | "image" | "text" | "comment" | "profile") | ("video" | "image" | "text" | "comment" | "profile")[];
                            createdFrom?: string;
                            createdTo?: string;
                            /** @enum {string} */
                            category?: "gambling" | "pornography" | "csam" | "sara_hate" | "terrorism" | "drugs" | "fraud" | "violence" | "hoax" | "illegal_goods";
                            status?: ("active" | "in_review" | "held" | "restricted" | "removed") | ("active" | "in_review" | "held" | "restricted" | "removed")[];
                            account?: string;
                            bank?: string;
                            policyVersion?: string;
                        };
                        policy?: {
                            source: string;
                        } | {
                            version: number;
                        };
                        lexicons?: {
                            [key: string]: number;
                        };
                        overrideHuman?: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            mode: "backtest" | "apply";
                            /** @enum {string} */
                            status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                            filter: {
                                [key: string]: unknown;
                            };
                            policyVersion: string;
                            candidate?: {
                                policy?: {
                                    version: number;
                                } | {
                                    sha256: string;
                                };
                                lexicons?: {
                                    [key: string]: number;
                                };
                            };
                            overrideHuman: boolean;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            error?: {
                                code: string;
                                message: string;
                            };
                            progress: {
                                total: number;
                                processed: number;
                                changed: number;
                                acted: number;
                                ratePerSecond: number;
                                etaSeconds: number | null;
                                ranges: {
                                    total: number;
                                    done: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A sweep and its progress (processed of total, items per second, ETA, ranges done) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            mode: "backtest" | "apply";
                            /** @enum {string} */
                            status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                            filter: {
                                [key: string]: unknown;
                            };
                            policyVersion: string;
                            candidate?: {
                                policy?: {
                                    version: number;
                                } | {
                                    sha256: string;
                                };
                                lexicons?: {
                                    [key: string]: number;
                                };
                            };
                            overrideHuman: boolean;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            error?: {
                                code: string;
                                message: string;
                            };
                            progress: {
                                total: number;
                                processed: number;
                                changed: number;
                                acted: number;
                                ratePerSecond: number;
                                etaSeconds: number | null;
                                ranges: {
                                    total: number;
                                    done: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps/{id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a queued or running sweep: its workers stop at the next chunk; nothing done is lost
         * @description 409 `invalid_state` when the sweep is not in a state that allows it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            mode: "backtest" | "apply";
                            /** @enum {string} */
                            status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                            filter: {
                                [key: string]: unknown;
                            };
                            policyVersion: string;
                            candidate?: {
                                policy?: {
                                    version: number;
                                } | {
                                    sha256: string;
                                };
                                lexicons?: {
                                    [key: string]: number;
                                };
                            };
                            overrideHuman: boolean;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            error?: {
                                code: string;
                                message: string;
                            };
                            progress: {
                                total: number;
                                processed: number;
                                changed: number;
                                acted: number;
                                ratePerSecond: number;
                                etaSeconds: number | null;
                                ranges: {
                                    total: number;
                                    done: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps/{id}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused sweep where it stopped
         * @description 409 `invalid_state` when the sweep is not in a state that allows it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            mode: "backtest" | "apply";
                            /** @enum {string} */
                            status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                            filter: {
                                [key: string]: unknown;
                            };
                            policyVersion: string;
                            candidate?: {
                                policy?: {
                                    version: number;
                                } | {
                                    sha256: string;
                                };
                                lexicons?: {
                                    [key: string]: number;
                                };
                            };
                            overrideHuman: boolean;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            error?: {
                                code: string;
                                message: string;
                            };
                            progress: {
                                total: number;
                                processed: number;
                                changed: number;
                                acted: number;
                                ratePerSecond: number;
                                etaSeconds: number | null;
                                ranges: {
                                    total: number;
                                    done: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel a sweep that is not over: its workers stop at the next chunk; what was done stays (its report says so)
         * @description 409 `invalid_state` when the sweep is not in a state that allows it.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            mode: "backtest" | "apply";
                            /** @enum {string} */
                            status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                            filter: {
                                [key: string]: unknown;
                            };
                            policyVersion: string;
                            candidate?: {
                                policy?: {
                                    version: number;
                                } | {
                                    sha256: string;
                                };
                                lexicons?: {
                                    [key: string]: number;
                                };
                            };
                            overrideHuman: boolean;
                            note: string | null;
                            createdBy: string;
                            createdAt: string;
                            startedAt: string | null;
                            finishedAt: string | null;
                            error?: {
                                code: string;
                                message: string;
                            };
                            progress: {
                                total: number;
                                processed: number;
                                changed: number;
                                acted: number;
                                ratePerSecond: number;
                                etaSeconds: number | null;
                                ranges: {
                                    total: number;
                                    done: number;
                                };
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/sweeps/{id}/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A sweep's report: counts by category and action, transitions against the current state with samples, agreement with human decisions, what was acted on; final (and signed) once the sweep finished
         * @description `sha256`: SHA-256 of the canonical JSON (keys sorted, no spaces) of the report without `sha256` and `signature`; `signature`: Ed25519 over the same bytes with the compliance report key (GET /v1/regulator/public-key).
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sweep: {
                                id: string;
                                /** @enum {string} */
                                mode: "backtest" | "apply";
                                /** @enum {string} */
                                status: "queued" | "running" | "paused" | "cancelled" | "finished" | "failed";
                                filter: {
                                    [key: string]: unknown;
                                };
                                policyVersion: string;
                                candidate?: {
                                    policy?: {
                                        version: number;
                                    } | {
                                        sha256: string;
                                    };
                                    lexicons?: {
                                        [key: string]: number;
                                    };
                                };
                                overrideHuman: boolean;
                                note: string | null;
                                createdBy: string;
                                createdAt: string;
                                startedAt: string | null;
                                finishedAt: string | null;
                                error?: {
                                    code: string;
                                    message: string;
                                };
                                progress: {
                                    total: number;
                                    processed: number;
                                    changed: number;
                                    acted: number;
                                    ratePerSecond: number;
                                    etaSeconds: number | null;
                                    ranges: {
                                        total: number;
                                        done: number;
                                    };
                                };
                            };
                            counts: {
                                byCategory: {
                                    [key: string]: number;
                                };
                                byAction: {
                                    [key: string]: number;
                                };
                            };
                            transitions: {
                                from: string;
                                to: string;
                                count: number;
                            }[];
                            samples: {
                                from: string;
                                to: string;
                                items: {
                                    contentId: string;
                                    externalId: string;
                                    excerpt: string;
                                    category: string | null;
                                    score: number;
                                }[];
                            }[];
                            agreement: {
                                decided: number;
                                candidate: {
                                    precision: number | null;
                                    recall: number | null;
                                    tp: number;
                                    fp: number;
                                    fn: number;
                                };
                                current: {
                                    precision: number | null;
                                    recall: number | null;
                                    tp: number;
                                    fp: number;
                                    fn: number;
                                };
                            } | null;
                            acted?: {
                                decisions: number;
                                reviews: number;
                                keptHuman: number;
                                wouldLift: number;
                            };
                            final: boolean;
                            generatedAt: string;
                            sha256: string;
                            signature?: {
                                keyId: string;
                                value: string;
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
