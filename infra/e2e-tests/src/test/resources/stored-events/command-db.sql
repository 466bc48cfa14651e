--
-- PostgreSQL database dump
--


-- Dumped from database version 15.15
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: leadledger_advance_head(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_advance_head() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO stream_head (aggregateidentifier, last_sequence, head_hash, event_count)
    VALUES (NEW.aggregateidentifier, NEW.sequencenumber, NEW.event_hash, 1)
    ON CONFLICT (aggregateidentifier) DO UPDATE
        SET last_sequence = EXCLUDED.last_sequence, head_hash = EXCLUDED.head_hash,
            event_count = stream_head.event_count + 1;
    RETURN NULL;
END
$$;


--
-- Name: leadledger_chain_event(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_chain_event() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
DECLARE
    prev BYTEA;
BEGIN
    IF NEW.sequencenumber = 0 THEN
        prev := decode(repeat('00', 32), 'hex');
    ELSE
        SELECT event_hash INTO prev FROM domainevententry
        WHERE aggregateidentifier = NEW.aggregateidentifier AND sequencenumber = NEW.sequencenumber - 1;
        IF prev IS NULL THEN
            RAISE EXCEPTION 'event % of stream % has no predecessor to chain to', NEW.sequencenumber,
                NEW.aggregateidentifier USING ERRCODE = 'integrity_constraint_violation';
        END IF;
    END IF;
    NEW.previous_hash := prev;
    NEW.event_hash := sha256(prev || leadledger_event_canonical(NEW));
    RETURN NEW;
END
$$;


--
-- Name: leadledger_enqueue_for_relay(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_enqueue_for_relay() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    INSERT INTO relay_outbox (global_index) VALUES (NEW.globalindex);
    RETURN NULL;
END
$$;


SET default_table_access_method = heap;

--
-- Name: domainevententry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.domainevententry (
    globalindex bigint NOT NULL,
    aggregateidentifier character varying(255) NOT NULL,
    sequencenumber bigint NOT NULL,
    type character varying(255),
    eventidentifier character varying(255) NOT NULL,
    metadata bytea,
    payload bytea NOT NULL,
    payloadrevision character varying(255),
    payloadtype character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL,
    previous_hash bytea NOT NULL,
    event_hash bytea NOT NULL
);


--
-- Name: leadledger_event_canonical(public.domainevententry); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_event_canonical(e public.domainevententry) RETURNS bytea
    LANGUAGE sql STABLE
    AS $$
SELECT leadledger_field(convert_to(e.eventidentifier, 'UTF8'))
    || leadledger_field(convert_to(e.aggregateidentifier, 'UTF8'))
    || leadledger_field(convert_to(e.sequencenumber::text, 'UTF8'))
    || leadledger_field(convert_to(coalesce(e.type, ''), 'UTF8'))
    || leadledger_field(convert_to(e.payloadtype, 'UTF8'))
    || leadledger_field(convert_to(coalesce(e.payloadrevision, ''), 'UTF8'))
    || leadledger_field(convert_to(e.timestamp, 'UTF8'))
    || leadledger_field(e.payload)
    || leadledger_field(e.metadata)
$$;


--
-- Name: leadledger_field(bytea); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_field(value bytea) RETURNS bytea
    LANGUAGE sql IMMUTABLE
    AS $$ SELECT int4send(octet_length(coalesce(value, ''::bytea))) || coalesce(value, ''::bytea) $$;


--
-- Name: leadledger_refuse_change(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.leadledger_refuse_change() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;


--
-- Name: chain_checkpoint; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.chain_checkpoint (
    checkpoint_no bigint NOT NULL,
    first_index bigint NOT NULL,
    last_index bigint NOT NULL,
    event_count bigint NOT NULL,
    gaps bigint[] DEFAULT '{}'::bigint[] NOT NULL,
    merkle_root bytea NOT NULL,
    previous_hash bytea NOT NULL,
    checkpoint_hash bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT chain_checkpoint_range_ck CHECK (((first_index <= last_index) AND (event_count >= 0)))
);


--
-- Name: domainevententry_globalindex_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.domainevententry_globalindex_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: domainevententry_globalindex_seq; Type: SEQUENCE OWNED BY; Schema: public; Owner: -
--

ALTER SEQUENCE public.domainevententry_globalindex_seq OWNED BY public.domainevententry.globalindex;


--
-- Name: flyway_schema_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flyway_schema_history (
    installed_rank integer NOT NULL,
    version character varying(50),
    description character varying(200) NOT NULL,
    type character varying(20) NOT NULL,
    script character varying(1000) NOT NULL,
    checksum integer,
    installed_by character varying(100) NOT NULL,
    installed_on timestamp without time zone DEFAULT now() NOT NULL,
    execution_time integer NOT NULL,
    success boolean NOT NULL
);


--
-- Name: idempotency_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_key (
    scope character varying(200) NOT NULL,
    idem_key character varying(128) NOT NULL,
    fingerprint character(64) NOT NULL,
    status integer,
    content_type character varying(200),
    body bytea,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: partner_registry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.partner_registry (
    partner_id character varying(64) NOT NULL,
    name character varying(200) NOT NULL,
    tier character varying(32) NOT NULL,
    product_lines text[] NOT NULL,
    suspended boolean DEFAULT false NOT NULL
);


--
-- Name: policy_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.policy_version (
    version bigint NOT NULL,
    document jsonb NOT NULL,
    published_at timestamp with time zone NOT NULL,
    published_by character varying(255) NOT NULL
);


--
-- Name: registration_lookup; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.registration_lookup (
    registration_id character varying(64) NOT NULL,
    opportunity_id character varying(64) NOT NULL,
    partner_id character varying(64) NOT NULL,
    event_id character varying(255)
);


--
-- Name: relay_outbox; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.relay_outbox (
    global_index bigint NOT NULL,
    enqueued_at timestamp with time zone DEFAULT clock_timestamp() NOT NULL
);


--
-- Name: scheduled_tasks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.scheduled_tasks (
    task_name text NOT NULL,
    task_instance text NOT NULL,
    task_data bytea,
    execution_time timestamp with time zone NOT NULL,
    picked boolean NOT NULL,
    picked_by text,
    last_success timestamp with time zone,
    last_failure timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat timestamp with time zone,
    version bigint NOT NULL,
    priority smallint
);


--
-- Name: snapshotevententry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.snapshotevententry (
    aggregateidentifier character varying(255) NOT NULL,
    sequencenumber bigint NOT NULL,
    type character varying(255) NOT NULL,
    eventidentifier character varying(255) NOT NULL,
    metadata bytea,
    payload bytea NOT NULL,
    payloadrevision character varying(255),
    payloadtype character varying(255) NOT NULL,
    "timestamp" character varying(255) NOT NULL
);


--
-- Name: stream_head; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.stream_head (
    aggregateidentifier character varying(255) NOT NULL,
    last_sequence bigint NOT NULL,
    head_hash bytea NOT NULL,
    event_count bigint NOT NULL
);


--
-- Name: tokenentry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.tokenentry (
    processorname character varying(255) NOT NULL,
    segment integer NOT NULL,
    token bytea,
    tokentype character varying(255),
    "timestamp" character varying(255),
    owner character varying(255)
);


--
-- Name: domainevententry globalindex; Type: DEFAULT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domainevententry ALTER COLUMN globalindex SET DEFAULT nextval('public.domainevententry_globalindex_seq'::regclass);


--
-- Data for Name: chain_checkpoint; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.chain_checkpoint VALUES (1, 1, 2, 2, '{}', '{\254B\362hvkY\037\242\211\340\213&\264lp\363\244U\225UUukVD\306\314\310\367q', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', 'Y\306$k\271|\325r\232\007Fc\361\3005#\2127#\306\012I\025\223\000\032\033HP\252\335\031', '2026-12-03 10:11:36.769901+00');
INSERT INTO public.chain_checkpoint VALUES (2, 3, 4, 2, '{}', 'q\351*\2715R\214*\240{\373\014\000\367\343R9\267\364\233"\242Z\022\206\030e\274A\205#\351', 'Y\306$k\271|\325r\232\007Fc\361\3005#\2127#\306\012I\025\223\000\032\033HP\252\335\031', 'wX\346\263C\015\\c\277\232\344&\032o\234n\026]\302_D\224c.\272y\356p;r\246\031', '2026-12-03 10:11:37.913258+00');
INSERT INTO public.chain_checkpoint VALUES (3, 5, 7, 3, '{}', 'B\315>\0321\366\376a\305L\307\326w<\36182S\263\341L*%\304\351\020\376\375\311\366=K', 'wX\346\263C\015\\c\277\232\344&\032o\234n\026]\302_D\224c.\272y\356p;r\246\031', '\370\004\003Q>\356o\200\322\2423c\256\\\036R\313[\337\262u)\010\271{\340}4\263R6A', '2026-12-03 10:11:55.510574+00');
INSERT INTO public.chain_checkpoint VALUES (4, 8, 16, 9, '{}', '\247a\011\323\017\340\331\257\337\210\352z\206xO\255\015 \302\202\367\224P\326[`\331\200e0\347{', '\370\004\003Q>\356o\200\322\2423c\256\\\036R\313[\337\262u)\010\271{\340}4\263R6A', '\345\232F\277\031*\316,\240\370\3402\242\255\250\371k\032C\225\342\3612mpm\013\250\227>\313\240', '2026-12-03 10:11:56.606999+00');
INSERT INTO public.chain_checkpoint VALUES (5, 17, 23, 7, '{}', '\037_pgd\344?r\361N{\352\212\347v\331\024~m\344\0202\001\363\027\224\206sS\334he', '\345\232F\277\031*\316,\240\370\3402\242\255\250\371k\032C\225\342\3612mpm\013\250\227>\313\240', '\240\210\257\240r=\226k@\035\365?\322\361\220\277s\030\3001\235$\035\214\275;Z\215''\022\261\024', '2026-12-03 10:11:57.691758+00');
INSERT INTO public.chain_checkpoint VALUES (6, 24, 27, 4, '{}', '5\211\217PF\003N\337\376\036\012\223\3200\013\256tV\326dz\216\350\370tzu\374s\037\015\257', '\240\210\257\240r=\226k@\035\365?\322\361\220\277s\030\3001\235$\035\214\275;Z\215''\022\261\024', 'Su\306\017uU\020\271\202\2617\374\202\345L}\253\017\314\275*\256W\034\215\310d\3278\330\372\367', '2026-12-03 10:11:58.719414+00');
INSERT INTO public.chain_checkpoint VALUES (7, 28, 49, 22, '{}', '\276X\354\364\233\277\374\244\215\360\363\234*\207\257c6\035C\325/Jv\313\352\362xg\361\214\223!', 'Su\306\017uU\020\271\202\2617\374\202\345L}\253\017\314\275*\256W\034\215\310d\3278\330\372\367', '\\\225*\336B\255\305\362>\0273\2537]\276C\\\234zm\352\220\2778-\027d=\031x\030\264', '2026-12-03 10:11:59.787261+00');
INSERT INTO public.chain_checkpoint VALUES (8, 50, 53, 4, '{}', 'sc\311}G\3701\0174\010)\355\256\304oOM\273!\215\001\213\253\316K\231\361k\007D\264\237', '\\\225*\336B\255\305\362>\0273\2537]\276C\\\234zm\352\220\2778-\027d=\031x\030\264', '\213\037\244K\224\002\334\252O\\\367#\024s\225\250\360*AX\343\231\371@;\207\350\300\007\215\213\255', '2026-12-03 10:12:00.794387+00');
INSERT INTO public.chain_checkpoint VALUES (9, 54, 63, 10, '{}', '\234\332b\346\223\247\316k0Z\014\215\201H\231\214\323\202\005\262\273\210\177\020\314S\327\324@\316\0057', '\213\037\244K\224\002\334\252O\\\367#\024s\225\250\360*AX\343\231\371@;\207\350\300\007\215\213\255', 'q\006\261\353\257y\361\230\005\230\257\362\004\300\366\204Kb\321u\360\342\033T\307.a\344T\327W\342', '2026-12-03 10:12:01.802576+00');
INSERT INTO public.chain_checkpoint VALUES (10, 64, 64, 1, '{}', '\322\177H\326\254\347\260\260?\264\177\203\242H5\322grG\210*\336\372\014\277\246\221.\301\366O\273', 'q\006\261\353\257y\361\230\005\230\257\362\004\300\366\204Kb\321u\360\342\033T\307.a\344T\327W\342', 'QB[\246sp\374\235\361\201y\322@\265S\240VT\347\2660\002\017s!\\\004\343\2764\225q', '2026-12-03 10:12:02.84522+00');
INSERT INTO public.chain_checkpoint VALUES (11, 65, 68, 4, '{}', '\347e\334\364\246>m\\!\304\210q5h\262\225%i\274i1\243\017\273P?6\325\226\007\247^', 'QB[\246sp\374\235\361\201y\322@\265S\240VT\347\2660\002\017s!\\\004\343\2764\225q', '\371";\376{k\314m\214\324\215\360X\002\037\255\256\232k\201[\264h\024\\\352\225\211\370|\263\206', '2026-12-03 10:12:03.974911+00');
INSERT INTO public.chain_checkpoint VALUES (12, 69, 80, 12, '{}', '\205\340\222;H\036s\222\345\032\2523\313\225\341un\264\014no5\006\217\334\375\376r\321Wq\316', '\371";\376{k\314m\214\324\215\360X\002\037\255\256\232k\201[\264h\024\\\352\225\211\370|\263\206', '\034\371\023/\277\3756U\366a\326\212:HZ\205\241\274O\373\201\242\271\311rb\246\367@\324\025\257', '2026-12-03 10:12:05.198247+00');


--
-- Data for Name: domainevententry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.domainevententry VALUES (1, 'leadledger-policy', 0, 'Policy', 'db279be7-63a2-4080-9e3d-1a44b5582ad7', '{"causationId":"e969f277-662c-466b-8daf-7a95067edf76","correlationId":"e969f277-662c-466b-8daf-7a95067edf76"}', '{"version":1,"policy":{"productLines":{"CLOUD_SERVICES":{"minimumValue":{"EUR":2000,"RUB":200000,"USD":2000}},"COLLABORATION":{"minimumValue":{"EUR":1000,"RUB":100000,"USD":1000}},"DATA_CENTER":{"minimumValue":{"EUR":10000,"RUB":1000000,"USD":10000}},"NETWORK_SECURITY":{"minimumValue":{"EUR":3000,"RUB":300000,"USD":3000}}},"tiers":{"GOLD":{"protectionDays":90,"maxDiscountPercent":15},"PLATINUM":{"protectionDays":120,"maxDiscountPercent":20},"REGISTERED":{"protectionDays":60,"maxDiscountPercent":5},"SILVER":{"protectionDays":90,"maxDiscountPercent":10}},"reviewSlaBusinessDays":2,"disputeSlaBusinessDays":[2,3,5],"extension":{"maxCount":1,"maxDays":30},"appealWindowDays":10,"maxCloseDateMonths":12,"calendar":{"timeZone":"Europe/Moscow","holidays":[]}},"publishedAt":"2026-12-03T10:11:35.299107Z","publishedBy":"system"}', NULL, 'com.leadledger.events.policy.PolicyPublished', '2026-12-03T10:11:35.300Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', 'A\223\252\026]\026g\326\010 ]\235\200/%\036\377\274\232\305\343>\007\017\032\324\355\237\317\245\372\213');
INSERT INTO public.domainevententry VALUES (2, 'P-1001', 0, 'Partner', 'ca7cb631-59ac-431f-bcc3-fa1f715f754f', '{"causationId":"95dcc6a7-ab89-4986-868e-a3a01a7d625e","correlationId":"95dcc6a7-ab89-4986-868e-a3a01a7d625e"}', '{"partnerId":"P-1001","name":"Alpha Integrator","tier":"GOLD","productLines":["CLOUD_SERVICES","COLLABORATION","DATA_CENTER","NETWORK_SECURITY"],"webhookUrl":null,"onboardedAt":"2026-12-03T10:11:35.941690Z"}', NULL, 'com.leadledger.events.partner.PartnerOnboarded', '2026-12-03T10:11:35.941Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', 'Q}%?\302\215x\034\343\204$\012\317\266S\201\026\020\250\321\260\276r\214\005\240\013,h\016\357\301');
INSERT INTO public.domainevententry VALUES (3, 'P-1002', 0, 'Partner', '033e1d48-faa2-4b48-b2b4-7bca0ef4ddb5', '{"causationId":"0b4f4a7e-5eba-4567-8345-c570d4e21236","correlationId":"0b4f4a7e-5eba-4567-8345-c570d4e21236"}', '{"partnerId":"P-1002","name":"Beta Reseller","tier":"SILVER","productLines":["CLOUD_SERVICES","COLLABORATION","DATA_CENTER","NETWORK_SECURITY"],"webhookUrl":null,"onboardedAt":"2026-12-03T10:11:36.757913Z"}', NULL, 'com.leadledger.events.partner.PartnerOnboarded', '2026-12-03T10:11:36.758Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\264\364\235\336\324I\206\007\317\243\374Z\326NX\253~\352\024P\336.\2048O\340M\357\232\204%A');
INSERT INTO public.domainevententry VALUES (4, 'P-1003', 0, 'Partner', 'be183cf8-4285-491a-83c0-1758e8adeb5c', '{"causationId":"311f2a3c-11fd-4d9a-afde-d137bedabc63","correlationId":"311f2a3c-11fd-4d9a-afde-d137bedabc63"}', '{"partnerId":"P-1003","name":"Gamma Systems","tier":"REGISTERED","productLines":["COLLABORATION","NETWORK_SECURITY"],"webhookUrl":null,"onboardedAt":"2026-12-03T10:11:36.891509Z"}', NULL, 'com.leadledger.events.partner.PartnerOnboarded', '2026-12-03T10:11:36.891Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '"\010\366\035\246D\266\371\312\221.\322\364\3263\346,\263\203\376:\367\253\200\255d\340\357\330\361\325\246');
INSERT INTO public.domainevententry VALUES (5, 'P-2001', 0, 'Partner', 'faa98f17-aafe-4bcc-a9bc-10d6a2d44002', '{"causationId":"18c037fd-d34a-4715-9d18-2a7ef8485d1b","correlationId":"18c037fd-d34a-4715-9d18-2a7ef8485d1b","actorId":"admin-1","requestId":"18c037fd-d34a-4715-9d18-2a7ef8485d1b","actorRole":"ADMIN"}', '{"partnerId":"P-2001","name":"Delta Networks","tier":"PLATINUM","productLines":["DATA_CENTER"],"webhookUrl":"https://delta-networks.example/leadledger","onboardedAt":"2026-12-03T10:11:55.085172Z"}', NULL, 'com.leadledger.events.partner.PartnerOnboarded', '2026-12-03T10:11:55.085Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '3N\315\362i0\340\335\370\362\344Q\360\036\007_J\033\230\332I\264Q\377\374L\214\237x\226\220\365');
INSERT INTO public.domainevententry VALUES (6, 'P-2001', 1, 'Partner', 'af76d490-7771-4de2-9787-f7e8e132b2aa', '{"causationId":"fc8f3684-8fa4-402b-bb0a-20c1b2a9fd36","correlationId":"fc8f3684-8fa4-402b-bb0a-20c1b2a9fd36","actorId":"admin-1","requestId":"fc8f3684-8fa4-402b-bb0a-20c1b2a9fd36","actorRole":"ADMIN"}', '{"partnerId":"P-2001","previousTier":"PLATINUM","tier":"GOLD","changedAt":"2026-12-03T10:11:55.259934Z"}', NULL, 'com.leadledger.events.partner.PartnerTierChanged', '2026-12-03T10:11:55.260Z', '3N\315\362i0\340\335\370\362\344Q\360\036\007_J\033\230\332I\264Q\377\374L\214\237x\226\220\365', '\367\200;\330a3\267aqe\004\311g*\301\274\265x,\022\365!\252\376j\352J\374\325G\037\224');
INSERT INTO public.domainevententry VALUES (7, 'P-2001', 2, 'Partner', '3afaf3a4-824c-488a-8975-8968ce3fbb72', '{"causationId":"4bb95119-0661-4bab-8d20-cc632d257c3d","correlationId":"4bb95119-0661-4bab-8d20-cc632d257c3d","actorId":"admin-1","requestId":"4bb95119-0661-4bab-8d20-cc632d257c3d","actorRole":"ADMIN"}', '{"partnerId":"P-2001","productLines":["CLOUD_SERVICES","DATA_CENTER"],"changedAt":"2026-12-03T10:11:55.334494Z"}', NULL, 'com.leadledger.events.partner.PartnerProductLinesChanged', '2026-12-03T10:11:55.334Z', '\367\200;\330a3\267aqe\004\311g*\301\274\265x,\022\365!\252\376j\352J\374\325G\037\224', '\312\012\344\342\037QUU\017\006\370z=\305\220U\370W \254\3156H\274j0B\301\332TY\272');
INSERT INTO public.domainevententry VALUES (8, 'P-2001', 3, 'Partner', 'aba8d97b-2f42-4ebe-9be9-2d2a80900c3d', '{"causationId":"131f53f1-9aa3-4e7e-9760-ab1dcf3d8424","correlationId":"131f53f1-9aa3-4e7e-9760-ab1dcf3d8424","actorId":"admin-1","requestId":"131f53f1-9aa3-4e7e-9760-ab1dcf3d8424","actorRole":"ADMIN"}', '{"partnerId":"P-2001","reason":"contract under review","suspendedAt":"2026-12-03T10:11:55.544937Z"}', NULL, 'com.leadledger.events.partner.PartnerSuspended', '2026-12-03T10:11:55.545Z', '\312\012\344\342\037QUU\017\006\370z=\305\220U\370W \254\3156H\274j0B\301\332TY\272', '\357\375\245\332\030\316\337q,~,TG\011M\326\345ywC\010\300\237S\021\247\227\031\310\206c/');
INSERT INTO public.domainevententry VALUES (9, 'P-2001', 4, 'Partner', 'b06a3a21-fb3c-4d0d-9113-f0ec4f8d0f87', '{"causationId":"39488763-fb3b-4c55-9eeb-9d16e20203e8","correlationId":"39488763-fb3b-4c55-9eeb-9d16e20203e8","actorId":"admin-1","requestId":"39488763-fb3b-4c55-9eeb-9d16e20203e8","actorRole":"ADMIN"}', '{"partnerId":"P-2001","note":"contract renewed","reinstatedAt":"2026-12-03T10:11:55.600095Z"}', NULL, 'com.leadledger.events.partner.PartnerReinstated', '2026-12-03T10:11:55.600Z', '\357\375\245\332\030\316\337q,~,TG\011M\326\345ywC\010\300\237S\021\247\227\031\310\206c/', '\315bx\250I@\341if\370\375\351\372\343g\003\371$\302N\220\375\373\207\272u\007H\362C\204%');
INSERT INTO public.domainevententry VALUES (10, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 0, 'Opportunity', '5a58abe3-9e8b-47b0-8cd4-91539b623960', '{"actorId":"user-of-P-1001","requestId":"dc23b389-9c4d-4102-8d33-1464a990b576","actorRole":"PARTNER","causationId":"dc23b389-9c4d-4102-8d33-1464a990b576","correlationId":"dc23b389-9c4d-4102-8d33-1464a990b576","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","customerKey":"RU:7707083893","productLine":"NETWORK_SECURITY","openedAt":"2026-12-03T10:11:55.818076Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:11:55.821Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\305\012\337\346p\324\214\027.\245\320\255]\233\265\364\236\261\3103x\202\220\243\321\236\017\265\3624k\237');
INSERT INTO public.domainevententry VALUES (11, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 1, 'Opportunity', '0517c484-5324-4d5a-946b-85a405a87b59', '{"actorId":"user-of-P-1001","requestId":"dc23b389-9c4d-4102-8d33-1464a990b576","actorRole":"PARTNER","causationId":"dc23b389-9c4d-4102-8d33-1464a990b576","correlationId":"dc23b389-9c4d-4102-8d33-1464a990b576","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","partnerId":"P-1001","position":1,"customer":{"legalName":"\320\236\320\236\320\236 \302\253\320\240\320\276\320\274\320\260\321\210\320\272\320\260\302\273","country":"RU","taxId":"RU:7707083893","domain":"romashka.ru","region":null},"customerKey":"RU:7707083893","productLine":"NETWORK_SECURITY","estimatedValue":{"amount":"1250000.00","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":"Firewall refresh for 12 branches","acceptedAt":"2026-12-03T10:11:55.818076Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:11:55.821Z', '\305\012\337\346p\324\214\027.\245\320\255]\233\265\364\236\261\3103x\202\220\243\321\236\017\265\3624k\237', '\214\264\037\203\237\022\002P\253\034\327X\244\276\232\242\224h\002\314\0313\376\214\251<)\3449\350\274?');
INSERT INTO public.domainevententry VALUES (12, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 2, 'Opportunity', 'd2e8d49e-79c1-4867-bb35-281d36249cbd', '{"actorId":"user-of-P-1001","requestId":"dc23b389-9c4d-4102-8d33-1464a990b576","actorRole":"PARTNER","causationId":"dc23b389-9c4d-4102-8d33-1464a990b576","correlationId":"dc23b389-9c4d-4102-8d33-1464a990b576","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","level":1,"reviewDueAt":"2026-12-07T10:11:55.818076Z","startedAt":"2026-12-03T10:11:55.818076Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:11:55.846Z', '\214\264\037\203\237\022\002P\253\034\327X\244\276\232\242\224h\002\314\0313\376\214\251<)\3449\350\274?', 'p\205\325\236\361\370\277\351\005\025\216uNn[V"\243c\212\223\261\3117\375\366A0Z\2341\216');
INSERT INTO public.domainevententry VALUES (13, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 3, 'Opportunity', '99856150-4337-4d11-ab5d-1ac7418ff1e8', '{"actorId":"user-of-P-1002","requestId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","actorRole":"PARTNER","causationId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","correlationId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","partnerId":"P-1002"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","partnerId":"P-1002","position":2,"customer":{"legalName":"Romashka LLC","country":"RU","taxId":"RU:7707083893","domain":null,"region":null},"customerKey":"RU:7707083893","productLine":"NETWORK_SECURITY","estimatedValue":{"amount":"990000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":null,"acceptedAt":"2026-12-03T10:11:56.220585Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:11:56.220Z', 'p\205\325\236\361\370\277\351\005\025\216uNn[V"\243c\212\223\261\3117\375\366A0Z\2341\216', 'X\011i\360\362\321\256\222Y\014\010\2014\317\355G\002\217_\257\235=E\212e\272d\303~\202c\377');
INSERT INTO public.domainevententry VALUES (14, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 4, 'Opportunity', 'c9527ea5-18d4-48b7-9ba0-4361cf353433', '{"actorId":"user-of-P-1002","requestId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","actorRole":"PARTNER","causationId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","correlationId":"7ff8874d-8969-4a32-8a59-d6ebed67fbdb","partnerId":"P-1002"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","level":1,"reviewDueAt":"2026-12-07T10:11:56.220585Z","startedAt":"2026-12-03T10:11:56.220585Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:11:56.223Z', 'X\011i\360\362\321\256\222Y\014\010\2014\317\355G\002\217_\257\235=E\212e\272d\303~\202c\377', '\031\367\242*\3155\237m\302\213\240\370\363\366j\0129Iu]\026\305\227\223\223\351\327\265ZS/\301');
INSERT INTO public.domainevententry VALUES (15, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 5, 'Opportunity', '9759ae52-d47d-4476-9433-1ba9d6ebafd5', '{"actorId":"user-of-P-1003","requestId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","actorRole":"PARTNER","causationId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","correlationId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","partnerId":"P-1003"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f91a322d-ac7a-4621-916b-f33a7f6e4e28","partnerId":"P-1003","position":3,"customer":{"legalName":"\320\220\320\236 \302\253\320\240\320\276\320\274\320\260\321\210\320\272\320\260\302\273","country":"RU","taxId":"RU:7707083893","domain":null,"region":"Moscow"},"customerKey":"RU:7707083893","productLine":"NETWORK_SECURITY","estimatedValue":{"amount":"400000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":"Branch office firewalls","acceptedAt":"2026-12-03T10:11:56.505528Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:11:56.505Z', '\031\367\242*\3155\237m\302\213\240\370\363\366j\0129Iu]\026\305\227\223\223\351\327\265ZS/\301', '?\027\003Db6\231\240\034\363Q.\025\373\365\214\240\243.\016wy\300\037\221}G)\250%)\316');
INSERT INTO public.domainevententry VALUES (16, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 6, 'Opportunity', '8dc2042b-3d0e-4ce1-b434-eef7379a335f', '{"actorId":"user-of-P-1003","requestId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","actorRole":"PARTNER","causationId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","correlationId":"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9","partnerId":"P-1003"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f91a322d-ac7a-4621-916b-f33a7f6e4e28","level":1,"reviewDueAt":"2026-12-07T10:11:56.505528Z","startedAt":"2026-12-03T10:11:56.505528Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:11:56.509Z', '?\027\003Db6\231\240\034\363Q.\025\373\365\214\240\243.\016wy\300\037\221}G)\250%)\316', '\002v\003\361\340\214\026\213A+\256\221\360A\244\244\270\332.\237\322\200\010\311g\240\3666\210\202\232x');
INSERT INTO public.domainevententry VALUES (17, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 7, 'Opportunity', '838a7bd8-6688-46a4-9918-387c63b709db', '{"causationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","correlationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorId":"channel_manager-1","requestId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","partnerId":"P-1001","discountPercent":12.5,"protectionDays":90,"protectedUntil":"2027-03-03T10:11:56.764769Z","note":"first to register","rulingDisputeId":null,"approvedAt":"2026-12-03T10:11:56.764769Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.RegistrationApproved', '2026-12-03T10:11:56.765Z', '\002v\003\361\340\214\026\213A+\256\221\360A\244\244\270\332.\237\322\200\010\311g\240\3666\210\202\232x', '\213.\220\337\201\321[\330#\311\325\3011\017\304\036\366\351|\351"\331\271h{u\207\275\000\200\001\270');
INSERT INTO public.domainevententry VALUES (18, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 8, 'Opportunity', 'ff2f5d72-1255-4cf6-b4dc-90f971e94a69', '{"causationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","correlationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorId":"channel_manager-1","requestId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","partnerId":"P-1002","earlierRegisteredAt":"2026-12-03T10:11:55.818076Z","issuedAt":"2026-12-03T10:11:56.764769Z"}', NULL, 'com.leadledger.events.registration.EarlierRegistrationNoticeIssued', '2026-12-03T10:11:56.766Z', '\213.\220\337\201\321[\330#\311\325\3011\017\304\036\366\351|\351"\331\271h{u\207\275\000\200\001\270', 'C\347\362\027\337L\201|\213zz?c\006n\204\231\350]`\357:\345\302k\3528"\227\333\256\217');
INSERT INTO public.domainevententry VALUES (19, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 9, 'Opportunity', 'f8544073-027b-4904-89f1-87f767beae01', '{"causationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","correlationId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorId":"channel_manager-1","requestId":"dab4565b-63d5-4c5e-b070-8e567b7e5d1e","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f91a322d-ac7a-4621-916b-f33a7f6e4e28","partnerId":"P-1003","earlierRegisteredAt":"2026-12-03T10:11:55.818076Z","issuedAt":"2026-12-03T10:11:56.764769Z"}', NULL, 'com.leadledger.events.registration.EarlierRegistrationNoticeIssued', '2026-12-03T10:11:56.767Z', 'C\347\362\027\337L\201|\213zz?c\006n\204\231\350]`\357:\345\302k\3528"\227\333\256\217', '4\247\370\251\214\225\020N[\265\340\256]F\232\005Q\\\301l\335(f\374\2159\3243\036\206bx');
INSERT INTO public.domainevententry VALUES (20, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 10, 'Opportunity', '50635686-2aa3-4fb2-a5f8-7136169af976', '{"causationId":"73fae24f-6c01-460f-975d-e33d77eb7487","correlationId":"73fae24f-6c01-460f-975d-e33d77eb7487","actorId":"channel_manager-1","requestId":"73fae24f-6c01-460f-975d-e33d77eb7487","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","partnerId":"P-1001","note":"presales help","grantedAt":"2026-12-03T10:11:56.922987Z","policyVersion":1}', NULL, 'com.leadledger.events.opportunity.SupportGranted', '2026-12-03T10:11:56.969Z', '4\247\370\251\214\225\020N[\265\340\256]F\232\005Q\\\301l\335(f\374\2159\3243\036\206bx', '\306\005s\017a\276\217\302/\240\300\231\207\333\326\204\225M\323A\223\301 \255\035\317Z\002\374\264\272\221');
INSERT INTO public.domainevententry VALUES (66, '32972efd-abb1-38d0-bb93-b701492eb8c9', 0, 'Opportunity', 'acb44222-3256-4d14-a089-956ad6a4750e', '{"actorId":"user-of-P-1001","requestId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","actorRole":"PARTNER","causationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","correlationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","partnerId":"P-1001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","customerKey":"RU:6604005676","productLine":"CLOUD_SERVICES","openedAt":"2026-12-03T10:12:03.878228Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:12:03.878Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\343\316s\331\344z\302\015\246\303\314\365{\021\264&\245\32051\271\001\245^X\222\315oZ\232k\365');
INSERT INTO public.domainevententry VALUES (21, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 11, 'Opportunity', '23e5c34a-ce21-49ab-abb3-38b02f1544ba', '{"causationId":"be6cf971-cbeb-48f0-9b7d-59ac527095e7","correlationId":"be6cf971-cbeb-48f0-9b7d-59ac527095e7","actorId":"channel_manager-1","requestId":"be6cf971-cbeb-48f0-9b7d-59ac527095e7","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f91a322d-ac7a-4621-916b-f33a7f6e4e28","partnerId":"P-1003","reasonCode":"ALREADY_REGISTERED","note":null,"earlierRegisteredAt":"2026-12-03T10:11:55.818076Z","rejectedAt":"2026-12-03T10:11:57.157371Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.RegistrationRejected', '2026-12-03T10:11:57.161Z', '\306\005s\017a\276\217\302/\240\300\231\207\333\326\204\225M\323A\223\301 \255\035\317Z\002\374\264\272\221', 'I\266\263<g\371_M\321R\007\362\253\206\327Gy\211\376\371:\354\231[Y\312\274dj\212lC');
INSERT INTO public.domainevententry VALUES (22, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 12, 'Opportunity', '15c012fb-812c-41bb-905b-fb11d4123f0b', '{"actorId":"user-of-P-1001","requestId":"3222f7fe-0f44-4241-b95b-83e85c1bf1e1","actorRole":"PARTNER","causationId":"3222f7fe-0f44-4241-b95b-83e85c1bf1e1","correlationId":"3222f7fe-0f44-4241-b95b-83e85c1bf1e1","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","extensionRequestId":"cdf3faea-1084-4e71-af5a-ad0f381e989b","partnerId":"P-1001","reason":"customer board meets next month","days":30,"requestedAt":"2026-12-03T10:11:57.427647Z"}', NULL, 'com.leadledger.events.registration.ExtensionRequested', '2026-12-03T10:11:57.428Z', 'I\266\263<g\371_M\321R\007\362\253\206\327Gy\211\376\371:\354\231[Y\312\274dj\212lC', '\214<\353Ucz\0238\020O\217\023\3465`\367\206U\003%p\246\207''\035\226\336\272S\034\350\226');
INSERT INTO public.domainevententry VALUES (23, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 13, 'Opportunity', '3494e8e1-b446-47bc-b2ab-0d96fe8ca3ea', '{"causationId":"09110bfd-8e3c-4e88-af6c-76c8ab338ee2","correlationId":"09110bfd-8e3c-4e88-af6c-76c8ab338ee2","actorId":"channel_manager-1","requestId":"09110bfd-8e3c-4e88-af6c-76c8ab338ee2","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","extensionRequestId":"cdf3faea-1084-4e71-af5a-ad0f381e989b","partnerId":"P-1001","note":"the board date is not confirmed","refusedAt":"2026-12-03T10:11:57.662259Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.ExtensionRefused', '2026-12-03T10:11:57.663Z', '\214<\353Ucz\0238\020O\217\023\3465`\367\206U\003%p\246\207''\035\226\336\272S\034\350\226', '\222\303zy\366\251\004\232Zd\373s\015\206\270\330\300-+C\227\006\374\262\230{\361\025\375\032\266\201');
INSERT INTO public.domainevententry VALUES (24, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 14, 'Opportunity', 'efa4b33b-7d6a-4f3a-909f-6b80cdf4ddf7', '{"actorId":"user-of-P-1001","requestId":"c6d10079-7cda-4c94-b837-434f82e4b26e","actorRole":"PARTNER","causationId":"c6d10079-7cda-4c94-b837-434f82e4b26e","correlationId":"c6d10079-7cda-4c94-b837-434f82e4b26e","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","extensionRequestId":"88d93c04-08bc-435d-b1db-3dfb9cb7fb0f","partnerId":"P-1001","reason":"board date confirmed in writing","days":20,"requestedAt":"2026-12-03T10:11:57.722393Z"}', NULL, 'com.leadledger.events.registration.ExtensionRequested', '2026-12-03T10:11:57.722Z', '\222\303zy\366\251\004\232Zd\373s\015\206\270\330\300-+C\227\006\374\262\230{\361\025\375\032\266\201', '\262\315f\332\265\0100&\313j\351*\003\2330>\036\265\015\005\333N)^\205\016\324\372/\313\336\352');
INSERT INTO public.domainevententry VALUES (26, 'fb1bfe91-90bb-4a1c-aa60-c494481fe6a7', 0, 'Dispute', '4712b642-4b8d-4f65-ad08-802ed5b73185', '{"actorId":"user-of-P-1002","requestId":"ee26bc7d-9b74-470e-8a99-13c90559cf75","actorRole":"PARTNER","causationId":"ee26bc7d-9b74-470e-8a99-13c90559cf75","correlationId":"ee26bc7d-9b74-470e-8a99-13c90559cf75","partnerId":"P-1002"}', '{"disputeId":"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7","type":"DUPLICATE_CLAIM","opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","complainantPartnerId":"P-1002","openedByRole":"PARTNER","description":"We presented to the customer months before the other registration.","amounts":null,"level":1,"slaDueAt":"2026-12-07T10:11:57.799851Z","openedAt":"2026-12-03T10:11:57.799851Z","policyVersion":1}', NULL, 'com.leadledger.events.dispute.DisputeOpened', '2026-12-03T10:11:57.801Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '".\301\244\031\012\005\210\351s\316\340\2548\227\204\377\030\246\330\010\357\256vEzN\247=\342\244\033');
INSERT INTO public.domainevententry VALUES (28, 'fb1bfe91-90bb-4a1c-aa60-c494481fe6a7', 1, 'Dispute', '5c7c3978-1b57-43cf-b7d0-e9292cb8d153', '{"causationId":"38cfcef6-c3d1-4ac9-97ce-36d078be53f3","correlationId":"38cfcef6-c3d1-4ac9-97ce-36d078be53f3","actorId":"channel_manager-1","requestId":"38cfcef6-c3d1-4ac9-97ce-36d078be53f3","actorRole":"CHANNEL_MANAGER"}', '{"disputeId":"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7","opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","level":1,"outcome":"UPHELD","rationale":"Earlier engagement proven by the meeting minutes.","rightfulRegistrationId":"e825048b-4856-45a9-8855-89e111143b95","revokeRespondentProtection":false,"penaltyPoints":0,"respondentPartnerId":null,"respondentRegistrationId":null,"respondentOpportunityId":null,"appeal":false,"supersededEffects":null,"appealableUntil":"2026-12-13T10:11:58.745833Z","decidedBy":"channel_manager-1","decidedByRole":"CHANNEL_MANAGER","at":"2026-12-03T10:11:58.745833Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeRuled', '2026-12-03T10:11:58.746Z', '".\301\244\031\012\005\210\351s\316\340\2548\227\204\377\030\246\330\010\357\256vEzN\247=\342\244\033', '\262\302`\342\335\235\0015V\213\2328\210\366\266=\231] p\226\261iG\267+\375E\002\333\024\237');
INSERT INTO public.domainevententry VALUES (30, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 17, 'Opportunity', '3972451e-3ab4-473d-a230-448cd4ecead7', '{"causationId":"72bd32fb-09c1-4698-87eb-3c2bac7d695c","correlationId":"72bd32fb-09c1-4698-87eb-3c2bac7d695c","actorId":"channel_manager-1","requestId":"72bd32fb-09c1-4698-87eb-3c2bac7d695c","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","partnerId":"P-1002","discountPercent":7.5,"protectionDays":90,"protectedUntil":"2027-03-03T10:11:58.974121Z","note":null,"rulingDisputeId":"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7","approvedAt":"2026-12-03T10:11:58.974121Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationApproved', '2026-12-03T10:11:58.974Z', '.\334\202X\224o\300_\3372]\221\276\362\037\242#a\031\225]\362\334\025\032\004\354\207pN\261 ', '\305X\267q\240\213`\240\276\376\337\313.\303\373w\247\270\026\316\263\206\266\231\315{\365X\216\002\251=');
INSERT INTO public.domainevententry VALUES (31, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 18, 'Opportunity', '1a2d887d-ea72-4fa0-931a-d0d07661a84e', '{"causationId":"d865dee4-d3fb-46e9-9664-041efefa63c3","correlationId":"d865dee4-d3fb-46e9-9664-041efefa63c3","actorId":"channel_manager-1","requestId":"d865dee4-d3fb-46e9-9664-041efefa63c3","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","fromRegistrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","fromPartnerId":"P-1001","toRegistrationId":"e825048b-4856-45a9-8855-89e111143b95","toPartnerId":"P-1002","reasonCode":"CUSTOMER_WRITTEN_PREFERENCE","rulingDisputeId":null,"evidenceSha256":"a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1","note":"customer letter of 1 December","movedAt":"2026-12-03T10:11:59.003373Z","policyVersion":2}', NULL, 'com.leadledger.events.opportunity.SupportMoved', '2026-12-03T10:11:59.010Z', '\305X\267q\240\213`\240\276\376\337\313.\303\373w\247\270\026\316\263\206\266\231\315{\365X\216\002\251=', '\232\352\2749\013J\004$\337r\254\313\000\266|^\311\242&\032\224\305\205K\210\264\247\361\225\341\335+');
INSERT INTO public.domainevententry VALUES (43, '07049ca1-416c-31ed-8a2f-5998c397959e', 4, 'Opportunity', '65ea46ce-ede8-4596-bff3-8043ec8cf225', '{"causationId":"42790709-974c-427a-8673-daee6926760c","correlationId":"42790709-974c-427a-8673-daee6926760c","actorId":"channel_manager-1","requestId":"42790709-974c-427a-8673-daee6926760c","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","registrationId":"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a","partnerId":"P-1001","note":null,"grantedAt":"2026-12-03T10:11:59.369878Z","policyVersion":2}', NULL, 'com.leadledger.events.opportunity.SupportGranted', '2026-12-03T10:11:59.370Z', 'QP\006\011\353.r\326R\177\212\245\371\307\305nt\212^\206\377\273{\261/\227\353\230\241\246G4', '\3318E\270\242/B.\246\0364\252\012\214\320I\303\267\211\354#\033;\264\032\207Kl\373\231/\227');
INSERT INTO public.domainevententry VALUES (25, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 15, 'Opportunity', '6e3caee7-4243-4b96-817b-80bb00f3ec4e', '{"causationId":"6a6ac2db-2f90-46dc-ba7b-3534abf8185c","correlationId":"6a6ac2db-2f90-46dc-ba7b-3534abf8185c","actorId":"channel_manager-1","requestId":"6a6ac2db-2f90-46dc-ba7b-3534abf8185c","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","extensionRequestId":"88d93c04-08bc-435d-b1db-3dfb9cb7fb0f","partnerId":"P-1001","days":20,"protectedUntil":"2027-03-23T10:11:56.764769Z","note":"confirmed","grantedAt":"2026-12-03T10:11:57.750126Z","policyVersion":1}', NULL, 'com.leadledger.events.registration.ExtensionGranted', '2026-12-03T10:11:57.753Z', '\262\315f\332\265\0100&\313j\351*\003\2330>\036\265\015\005\333N)^\205\016\324\372/\313\336\352', 'ec*\246_N%\254\236\2735\317P\024\006R\231\004&\037Sg\277Iq\026\273@2\237\301d');
INSERT INTO public.domainevententry VALUES (27, 'leadledger-policy', 1, 'Policy', 'd23d6e9b-fdfb-4850-a9b7-b0301bc387dd', '{"causationId":"c5ec7229-60be-408c-83f3-c22eef070f14","correlationId":"c5ec7229-60be-408c-83f3-c22eef070f14","actorId":"admin-1","requestId":"c5ec7229-60be-408c-83f3-c22eef070f14","actorRole":"ADMIN"}', '{"version":2,"policy":{"productLines":{"CLOUD_SERVICES":{"minimumValue":{"EUR":2000,"RUB":200000,"USD":2000}},"COLLABORATION":{"minimumValue":{"EUR":1000,"RUB":100000,"USD":1000}},"DATA_CENTER":{"minimumValue":{"EUR":10000,"RUB":1000000,"USD":10000}},"NETWORK_SECURITY":{"minimumValue":{"EUR":3000,"RUB":300000,"USD":3000}}},"tiers":{"GOLD":{"protectionDays":90,"maxDiscountPercent":15},"PLATINUM":{"protectionDays":120,"maxDiscountPercent":20},"REGISTERED":{"protectionDays":60,"maxDiscountPercent":5},"SILVER":{"protectionDays":90,"maxDiscountPercent":10}},"reviewSlaBusinessDays":3,"disputeSlaBusinessDays":[2,3,5],"extension":{"maxCount":1,"maxDays":30},"appealWindowDays":10,"maxCloseDateMonths":12,"calendar":{"timeZone":"Europe/Moscow","holidays":["2027-01-01","2027-01-07"]}},"publishedAt":"2026-12-03T10:11:58.707758Z","publishedBy":"admin-1"}', NULL, 'com.leadledger.events.policy.PolicyPublished', '2026-12-03T10:11:58.707Z', 'A\223\252\026]\026g\326\010 ]\235\200/%\036\377\274\232\305\343>\007\017\032\324\355\237\317\245\372\213', '\005,\032\312\033@+\232PR\314I\304\004V\355\2556\374\331\013\211$\360\020]3\261\222G\323\212');
INSERT INTO public.domainevententry VALUES (29, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 16, 'Opportunity', 'c1115f93-eab2-48f8-a0ae-e5e82c99e85a', '{"causationId":"5c7c3978-1b57-43cf-b7d0-e9292cb8d153","correlationId":"38cfcef6-c3d1-4ac9-97ce-36d078be53f3","actorId":"channel_manager-1","requestId":"38cfcef6-c3d1-4ac9-97ce-36d078be53f3","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","disputeId":"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7","rightfulRegistrationId":"e825048b-4856-45a9-8855-89e111143b95","recordedAt":"2026-12-03T10:11:58.779324Z"}', NULL, 'com.leadledger.events.opportunity.RulingRecorded', '2026-12-03T10:11:58.779Z', 'ec*\246_N%\254\236\2735\317P\024\006R\231\004&\037Sg\277Iq\026\273@2\237\301d', '.\334\202X\224o\300_\3372]\221\276\362\037\242#a\031\225]\362\334\025\032\004\354\207pN\261 ');
INSERT INTO public.domainevententry VALUES (35, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 20, 'Opportunity', '1c994981-7901-4436-8f2c-df602f2ae965', '{"actorId":"user-of-P-1002","requestId":"d1b38306-15aa-43a6-97c8-a4fa8065b436","actorRole":"PARTNER","causationId":"d1b38306-15aa-43a6-97c8-a4fa8065b436","correlationId":"d1b38306-15aa-43a6-97c8-a4fa8065b436","partnerId":"P-1002"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"e825048b-4856-45a9-8855-89e111143b95","partnerId":"P-1002","finalValue":{"amount":"1180000.00","currency":"RUB"},"reportedAt":"2026-12-03T10:11:59.188736Z"}', NULL, 'com.leadledger.events.registration.RegistrationWon', '2026-12-03T10:11:59.188Z', '?\202&\243\372\340:S\032\337\360\006\2469\354\276x\274\203/\271\213}\324\217lxQ:\3434\021', '%\0158S\227\021i\375>\006\017\351\236}\265\000}P\230@|\231\360\004\015\3670\303T\227\020\024');
INSERT INTO public.domainevententry VALUES (42, '07049ca1-416c-31ed-8a2f-5998c397959e', 3, 'Opportunity', '4ab513ae-0f02-4c11-90b7-d2eaa6e24663', '{"causationId":"7879c30e-bbd9-4177-91cd-3806f27597b2","correlationId":"7879c30e-bbd9-4177-91cd-3806f27597b2","actorId":"channel_manager-1","requestId":"7879c30e-bbd9-4177-91cd-3806f27597b2","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","registrationId":"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a","partnerId":"P-1001","discountPercent":15,"protectionDays":90,"protectedUntil":"2027-03-03T10:11:59.333617Z","note":null,"rulingDisputeId":null,"approvedAt":"2026-12-03T10:11:59.333617Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationApproved', '2026-12-03T10:11:59.333Z', 'J_6~@\350\343S.\033H\312\353\002\301c\307\244w\025\223\335\012\226\033\210\320\221\326\376\251\240', 'QP\006\011\353.r\326R\177\212\245\371\307\305nt\212^\206\377\273{\261/\227\353\230\241\246G4');
INSERT INTO public.domainevententry VALUES (49, 'ab495c3b-9641-49da-b243-83954197ad5d', 4, 'Dispute', '50e6206e-3360-46ef-b6f2-097adfa81988', '{"actorId":"user-of-P-1002","requestId":"0962cde9-fd27-4344-9ce4-acf5801362d2","actorRole":"PARTNER","causationId":"0962cde9-fd27-4344-9ce4-acf5801362d2","correlationId":"0962cde9-fd27-4344-9ce4-acf5801362d2","partnerId":"P-1002"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","evidenceId":"d61add27-07d7-4295-a913-dc7ea7642ef5","submittedBy":"user-of-P-1002","submittedByPartnerId":"P-1002","description":"Our quote followed the vendor''s November promotion.","amounts":{"quotedPrice":{"amount":"1900000","currency":"RUB"},"allegedPrice":null,"entitledDiscountPercent":null},"documents":[{"name":"promotion.pdf","sha256":"5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e5e","link":null}],"addedAt":"2026-12-03T10:11:59.674851Z"}', NULL, 'com.leadledger.events.dispute.DisputeEvidenceAdded', '2026-12-03T10:11:59.674Z', 'N\215p\312\264\373L%\237\010j\211\376\2641\023\310\315e\026\031[\237\303\243\2420\006\015@\027x', 'M\010\255\267\315A\377M\241u?+\325\262\233\217\001]\266h\261 &\342\335\0203o\036\001\303\202');
INSERT INTO public.domainevententry VALUES (55, 'ab495c3b-9641-49da-b243-83954197ad5d', 8, 'Dispute', 'af45eb9c-f35e-472a-a6ab-4e16321219a3', '{"causationId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","correlationId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorId":"arbitration_committee-1","requestId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorRole":"ARBITRATION_COMMITTEE"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","level":3,"outcome":"DISMISSED","rationale":"The vendor''s written approval covered the quote.","rightfulRegistrationId":null,"revokeRespondentProtection":false,"penaltyPoints":0,"respondentPartnerId":"P-1002","respondentRegistrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","respondentOpportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","appeal":true,"supersededEffects":{"rightfulRegistrationId":null,"revokeRespondentProtection":true,"penaltyPoints":10},"appealableUntil":null,"decidedBy":"arbitration_committee-1","decidedByRole":"ARBITRATION_COMMITTEE","at":"2026-12-03T10:12:01.006680Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeRuled', '2026-12-03T10:12:01.007Z', '\311\014\232\371\344\223\311\341\256\234\021\372wG\377h[\277\330\270i\342P\200b\251\362\012''5\327\233', '\304\204pmzw4\261(\300\255\200\222\034e\355Q"\320\336C(\210\015\240\372\012\267\2650\017u');
INSERT INTO public.domainevententry VALUES (75, '32972efd-abb1-38d0-bb93-b701492eb8c9', 9, 'Opportunity', '24bf0fb8-c5bc-4921-b4e4-b623ea373ba3', '{"causationId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","correlationId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","actorId":"channel_manager-1","requestId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","discountPercent":10,"protectionDays":60,"protectedUntil":"2027-02-01T10:12:04.091624Z","note":null,"rulingDisputeId":null,"approvedAt":"2026-12-03T10:12:04.091624Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationApproved', '2026-12-03T10:12:04.091Z', '\235\354\013Y\020\211\243\337\324T\001\036\033U\034Nzm\206\037tE\353\032\224N\033''U\305\334\270', '\252\237Z\210\020\344\227TR3?\305p\224\307\254\012R\323s\236XA\012ikr\320\272\021\033\304');
INSERT INTO public.domainevententry VALUES (32, '37655d81-c3d6-4e2c-b6c9-4bec91d15627', 0, 'Dispute', '6693a0cf-fe94-4521-bcb0-774ccb6318f8', '{"actorId":"user-of-P-1001","requestId":"2611d9dc-af5c-4265-ad8b-693b07f473b4","actorRole":"PARTNER","causationId":"2611d9dc-af5c-4265-ad8b-693b07f473b4","correlationId":"2611d9dc-af5c-4265-ad8b-693b07f473b4","partnerId":"P-1001"}', '{"disputeId":"37655d81-c3d6-4e2c-b6c9-4bec91d15627","type":"SUPPORT_OVERRIDE","opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","complainantPartnerId":"P-1001","openedByRole":"PARTNER","description":"Support was moved away while our registration was protected.","amounts":null,"level":1,"slaDueAt":"2026-12-07T10:11:59.044060Z","openedAt":"2026-12-03T10:11:59.044060Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeOpened', '2026-12-03T10:11:59.044Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\363\230\314\347\220t\261\016i\304>\243\357\300\365\014\207\260\242N.k\017/\304\232!r\243,\001\345');
INSERT INTO public.domainevententry VALUES (33, '37655d81-c3d6-4e2c-b6c9-4bec91d15627', 1, 'Dispute', 'cad7c6f7-7d8a-4f21-8630-0102efbc7a2e', '{"actorId":"user-of-P-1001","requestId":"48b33f1b-f2fe-4d64-922c-2e747ba14651","actorRole":"PARTNER","causationId":"48b33f1b-f2fe-4d64-922c-2e747ba14651","correlationId":"48b33f1b-f2fe-4d64-922c-2e747ba14651","partnerId":"P-1001"}', '{"disputeId":"37655d81-c3d6-4e2c-b6c9-4bec91d15627","fromLevel":1,"level":2,"reason":"The customer letter was solicited by the other partner.","automatic":false,"slaDueAt":"2026-12-08T10:11:59.088154Z","at":"2026-12-03T10:11:59.088154Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeEscalated', '2026-12-03T10:11:59.088Z', '\363\230\314\347\220t\261\016i\304>\243\357\300\365\014\207\260\242N.k\017/\304\232!r\243,\001\345', '\034l\000\331f\35300!\3607\030\016r1?\231\310\007*S\016D~\205\326\336Z''\242\2025');
INSERT INTO public.domainevententry VALUES (34, 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 19, 'Opportunity', 'ac060038-905b-4c8d-86f4-2cb05637261c', '{"actorId":"user-of-P-1001","requestId":"163c96c3-7e5a-421e-b41d-baf12216310d","actorRole":"PARTNER","causationId":"163c96c3-7e5a-421e-b41d-baf12216310d","correlationId":"163c96c3-7e5a-421e-b41d-baf12216310d","partnerId":"P-1001"}', '{"opportunityId":"a201c859-1046-3525-8fe0-0b6c684c7ad6","registrationId":"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3","partnerId":"P-1001","reason":"the customer chose another offer","reportedAt":"2026-12-03T10:11:59.151743Z"}', NULL, 'com.leadledger.events.registration.RegistrationLost', '2026-12-03T10:11:59.153Z', '\232\352\2749\013J\004$\337r\254\313\000\266|^\311\242&\032\224\305\205K\210\264\247\361\225\341\335+', '?\202&\243\372\340:S\032\337\360\006\2469\354\276x\274\203/\271\213}\324\217lxQ:\3434\021');
INSERT INTO public.domainevententry VALUES (36, '07049ca1-416c-31ed-8a2f-5998c397959e', 0, 'Opportunity', '6089a3cd-164b-4dbb-a82e-47ecf1465b32', '{"actorId":"user-of-P-1001","requestId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","actorRole":"PARTNER","causationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","correlationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","partnerId":"P-1001"}', '{"opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","customerKey":"RU:5027001018","productLine":"NETWORK_SECURITY","openedAt":"2026-12-03T10:11:59.219278Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:11:59.219Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\326X\203Gbf\225\2762\326\246,\343V\303"\336_Rfj\204\364\240r\237\2122*\261\315\356');
INSERT INTO public.domainevententry VALUES (37, '07049ca1-416c-31ed-8a2f-5998c397959e', 1, 'Opportunity', '369a105b-b9c4-42f0-a2ab-4ef9caf07efc', '{"actorId":"user-of-P-1001","requestId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","actorRole":"PARTNER","causationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","correlationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","partnerId":"P-1001"}', '{"opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","registrationId":"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a","partnerId":"P-1001","position":1,"customer":{"legalName":"\320\236\320\236\320\236 \302\253\320\222\320\265\320\272\321\202\320\276\321\200\302\273","country":"RU","taxId":"RU:5027001018","domain":null,"region":null},"customerKey":"RU:5027001018","productLine":"NETWORK_SECURITY","estimatedValue":{"amount":"1250000.00","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":null,"acceptedAt":"2026-12-03T10:11:59.219278Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:11:59.220Z', '\326X\203Gbf\225\2762\326\246,\343V\303"\336_Rfj\204\364\240r\237\2122*\261\315\356', 'O\377\377gZ\007\264\232U\305\030\025\025C_?\372\246\327\231\245\256c)\344\276\011oH\334B\214');
INSERT INTO public.domainevententry VALUES (38, '07049ca1-416c-31ed-8a2f-5998c397959e', 2, 'Opportunity', '5dbeddde-6cda-46fe-9f21-d1eb22a1d2f0', '{"actorId":"user-of-P-1001","requestId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","actorRole":"PARTNER","causationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","correlationId":"c9256e0c-fe50-476b-8fd4-4ff78311fb02","partnerId":"P-1001"}', '{"opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","registrationId":"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a","level":1,"reviewDueAt":"2026-12-08T10:11:59.219278Z","startedAt":"2026-12-03T10:11:59.219278Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:11:59.221Z', 'O\377\377gZ\007\264\232U\305\030\025\025C_?\372\246\327\231\245\256c)\344\276\011oH\334B\214', 'J_6~@\350\343S.\033H\312\353\002\301c\307\244w\025\223\335\012\226\033\210\320\221\326\376\251\240');
INSERT INTO public.domainevententry VALUES (39, '6a3009e1-e25e-3c48-998d-9b6255f92119', 0, 'Opportunity', '4b076f00-f204-4f3d-b1b3-2291b1244b0d', '{"actorId":"user-of-P-1002","requestId":"43465784-18c0-4263-a945-11da8c1509fa","actorRole":"PARTNER","causationId":"43465784-18c0-4263-a945-11da8c1509fa","correlationId":"43465784-18c0-4263-a945-11da8c1509fa","partnerId":"P-1002"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","customerKey":"RU:5027001018","productLine":"DATA_CENTER","openedAt":"2026-12-03T10:11:59.273945Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:11:59.273Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\036E"\216A\365\212\216:m\270\264\302\342\007\012\305\002=\0170\205\016\021H*%\000b\242\002\332');
INSERT INTO public.domainevententry VALUES (40, '6a3009e1-e25e-3c48-998d-9b6255f92119', 1, 'Opportunity', 'a627f7b6-edb7-4bff-8548-c5c93b670269', '{"actorId":"user-of-P-1002","requestId":"43465784-18c0-4263-a945-11da8c1509fa","actorRole":"PARTNER","causationId":"43465784-18c0-4263-a945-11da8c1509fa","correlationId":"43465784-18c0-4263-a945-11da8c1509fa","partnerId":"P-1002"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","registrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","partnerId":"P-1002","position":1,"customer":{"legalName":"\320\236\320\236\320\236 \302\253\320\222\320\265\320\272\321\202\320\276\321\200\302\273","country":"RU","taxId":"RU:5027001018","domain":null,"region":null},"customerKey":"RU:5027001018","productLine":"DATA_CENTER","estimatedValue":{"amount":"2000000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":"Two server rooms","acceptedAt":"2026-12-03T10:11:59.273945Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:11:59.274Z', '\036E"\216A\365\212\216:m\270\264\302\342\007\012\305\002=\0170\205\016\021H*%\000b\242\002\332', '\204\221g\032R\337\230G\370/\253\035!z\317\367<\253\245nZ\362O\376\323\234\341\352\014u4E');
INSERT INTO public.domainevententry VALUES (41, '6a3009e1-e25e-3c48-998d-9b6255f92119', 2, 'Opportunity', '6c148f4e-ddb4-465c-8396-4d14c93d5e12', '{"actorId":"user-of-P-1002","requestId":"43465784-18c0-4263-a945-11da8c1509fa","actorRole":"PARTNER","causationId":"43465784-18c0-4263-a945-11da8c1509fa","correlationId":"43465784-18c0-4263-a945-11da8c1509fa","partnerId":"P-1002"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","registrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","level":1,"reviewDueAt":"2026-12-08T10:11:59.273945Z","startedAt":"2026-12-03T10:11:59.273945Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:11:59.275Z', '\204\221g\032R\337\230G\370/\253\035!z\317\367<\253\245nZ\362O\376\323\234\341\352\014u4E', '\334\246\300~x9\307\364\233u\363\275\337\2658\202\022\266J\330w\005\323>J1\207\351\243\362\272\220');
INSERT INTO public.domainevententry VALUES (65, '5b842515-be11-382c-b3c6-67a6964420b5', 4, 'Opportunity', '613f258a-12db-4c4a-9586-9b88959387a9', '{}', '{"opportunityId":"5b842515-be11-382c-b3c6-67a6964420b5","registrationId":"1ad59d23-3d77-4849-b3dc-71e93c78ee75","level":3,"reviewDueAt":"2026-12-16T10:12:01.578508Z","escalatedAt":"2026-12-11T10:12:01.578508Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewEscalated', '2026-12-03T10:12:03.605Z', '%g\213\005\217\3120\350E\024\223\2344\220X\331Wy\300\252\213 \270\032F\241N\373\257&\032\013', '\341)\013:\244XBvL\250p{\353u\366\011E\375\365\317\260\005\020c\036\242)\016\316\376\004\277');
INSERT INTO public.domainevententry VALUES (44, '6a3009e1-e25e-3c48-998d-9b6255f92119', 3, 'Opportunity', 'c957b135-6335-4711-89fa-b66ee56bcda8', '{"causationId":"b288d785-17fc-43f3-baaf-fad7baa3b131","correlationId":"b288d785-17fc-43f3-baaf-fad7baa3b131","actorId":"channel_manager-1","requestId":"b288d785-17fc-43f3-baaf-fad7baa3b131","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","registrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","partnerId":"P-1002","discountPercent":5,"protectionDays":90,"protectedUntil":"2027-03-03T10:11:59.441809Z","note":null,"rulingDisputeId":null,"approvedAt":"2026-12-03T10:11:59.441809Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationApproved', '2026-12-03T10:11:59.441Z', '\334\246\300~x9\307\364\233u\363\275\337\2658\202\022\266J\330w\005\323>J1\207\351\243\362\272\220', '{H\367,\201mO\350\326\230$H\360\356\021\247+[x\312t>\227\006$\263\0003\325\005*\005');
INSERT INTO public.domainevententry VALUES (45, 'ab495c3b-9641-49da-b243-83954197ad5d', 0, 'Dispute', '59d6f80f-5fce-44a8-8c39-959bd009091c', '{"actorId":"user-of-P-1001","requestId":"67c4cbe9-f6c7-4e52-b605-63e8c5bebb2a","actorRole":"PARTNER","causationId":"67c4cbe9-f6c7-4e52-b605-63e8c5bebb2a","correlationId":"67c4cbe9-f6c7-4e52-b605-63e8c5bebb2a","partnerId":"P-1001"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","type":"PRICE_DUMPING","opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","registrationId":"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a","complainantPartnerId":"P-1001","openedByRole":"PARTNER","description":"The customer received an offer 18 % below list from another partner.","amounts":{"quotedPrice":{"amount":"1187500.00","currency":"RUB"},"allegedPrice":{"amount":"1025000.00","currency":"RUB"},"entitledDiscountPercent":5},"level":1,"slaDueAt":"2026-12-07T10:11:59.475807Z","openedAt":"2026-12-03T10:11:59.475807Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeOpened', '2026-12-03T10:11:59.476Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', '\350\006aI\357\216\377\365j\333\273\240%L\335}\255V\253$\262D\233\0253\371\243\272\235c\207"');
INSERT INTO public.domainevententry VALUES (46, 'ab495c3b-9641-49da-b243-83954197ad5d', 1, 'Dispute', '8bce75a5-2f8f-4125-aa23-667638e42500', '{"actorId":"user-of-P-1001","requestId":"f5c46faa-04a7-4c53-9c17-63a98e1b0986","actorRole":"PARTNER","causationId":"f5c46faa-04a7-4c53-9c17-63a98e1b0986","correlationId":"f5c46faa-04a7-4c53-9c17-63a98e1b0986","partnerId":"P-1001"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","evidenceId":"b82c2a49-6080-48b9-a5b7-27a2986b78ee","submittedBy":"user-of-P-1001","submittedByPartnerId":"P-1001","description":"the customer''s forwarded offer","amounts":null,"documents":[{"name":"offer.pdf","sha256":"3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f3f","link":"https://files.alpha.example/offer.pdf"}],"addedAt":"2026-12-03T10:11:59.525302Z"}', NULL, 'com.leadledger.events.dispute.DisputeEvidenceAdded', '2026-12-03T10:11:59.525Z', '\350\006aI\357\216\377\365j\333\273\240%L\335}\255V\253$\262D\233\0253\371\243\272\235c\207"', '\036V\236\216[j\217\006\2030P\2448p\015-\325\204\301\276V\237\333\235\034j\301,\221\354J\210');
INSERT INTO public.domainevententry VALUES (47, 'ab495c3b-9641-49da-b243-83954197ad5d', 2, 'Dispute', '69a5a2d8-9011-4f4f-8394-a0e456379bde', '{"causationId":"acf7c8aa-eabb-433e-83d3-376e67632b57","correlationId":"acf7c8aa-eabb-433e-83d3-376e67632b57","actorId":"channel_manager-1","requestId":"acf7c8aa-eabb-433e-83d3-376e67632b57","actorRole":"CHANNEL_MANAGER"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","respondentPartnerId":"P-1002","respondentRegistrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","respondentOpportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","linkedAt":"2026-12-03T10:11:59.574113Z"}', NULL, 'com.leadledger.events.dispute.DisputeRespondentLinked', '2026-12-03T10:11:59.574Z', '\036V\236\216[j\217\006\2030P\2448p\015-\325\204\301\276V\237\333\235\034j\301,\221\354J\210', '\267\274\253\275\224\252\035\323\314\275\270\037\373Ke+\033\230i\3106e\307\350?\0345b\324\331\361\300');
INSERT INTO public.domainevententry VALUES (48, 'ab495c3b-9641-49da-b243-83954197ad5d', 3, 'Dispute', 'd4c027e8-ebf1-4867-b069-baf19cc9f147', '{"causationId":"a26e5efc-661b-428f-8c31-3fd35f56aa5a","correlationId":"a26e5efc-661b-428f-8c31-3fd35f56aa5a","actorId":"channel_manager-1","requestId":"a26e5efc-661b-428f-8c31-3fd35f56aa5a","actorRole":"CHANNEL_MANAGER"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","assignee":"channel_manager-1","level":1,"assignedBy":"channel_manager-1","assignedAt":"2026-12-03T10:11:59.601209Z"}', NULL, 'com.leadledger.events.dispute.DisputeAssigned', '2026-12-03T10:11:59.601Z', '\267\274\253\275\224\252\035\323\314\275\270\037\373Ke+\033\230i\3106e\307\350?\0345b\324\331\361\300', 'N\215p\312\264\373L%\237\010j\211\376\2641\023\310\315e\026\031[\237\303\243\2420\006\015@\027x');
INSERT INTO public.domainevententry VALUES (50, 'ab495c3b-9641-49da-b243-83954197ad5d', 5, 'Dispute', '0465a6b8-9e93-49f1-9a13-108b56a5045e', '{}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","fromLevel":1,"level":2,"reason":null,"automatic":true,"slaDueAt":"2026-12-10T10:11:59.475807Z","at":"2026-12-07T10:11:59.475807Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeEscalated', '2026-12-03T10:12:00.544Z', 'M\010\255\267\315A\377M\241u?+\325\262\233\217\001]\266h\261 &\342\335\0203o\036\001\303\202', '\027\333\237\210\220\364(\334\217~4\010\015K\216\3766\323\263]\267,@_\364,Of\240\251\270\311');
INSERT INTO public.domainevententry VALUES (51, 'ab495c3b-9641-49da-b243-83954197ad5d', 6, 'Dispute', '52946671-5a55-41a8-8cb2-3a22175c9af7', '{"causationId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","correlationId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorId":"channel_director-1","requestId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorRole":"CHANNEL_DIRECTOR"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","opportunityId":"07049ca1-416c-31ed-8a2f-5998c397959e","level":2,"outcome":"UPHELD","rationale":"The offer undercut the list price far beyond the 5 % the respondent was entitled to.","rightfulRegistrationId":null,"revokeRespondentProtection":true,"penaltyPoints":10,"respondentPartnerId":"P-1002","respondentRegistrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","respondentOpportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","appeal":false,"supersededEffects":null,"appealableUntil":"2026-12-13T10:12:00.696960Z","decidedBy":"channel_director-1","decidedByRole":"CHANNEL_DIRECTOR","at":"2026-12-03T10:12:00.696960Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeRuled', '2026-12-03T10:12:00.697Z', '\027\333\237\210\220\364(\334\217~4\010\015K\216\3766\323\263]\267,@_\364,Of\240\251\270\311', '\347\373\355\001~\203\\\213j\320 \246]\035K\001\371%\201\035yo\3549pb\314U\366.A\333');
INSERT INTO public.domainevententry VALUES (52, '6a3009e1-e25e-3c48-998d-9b6255f92119', 4, 'Opportunity', '056d405b-385d-41a4-b74f-81996fa6845f', '{"causationId":"52946671-5a55-41a8-8cb2-3a22175c9af7","correlationId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorId":"channel_director-1","requestId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorRole":"CHANNEL_DIRECTOR"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","registrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","partnerId":"P-1002","disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","protectedUntil":"2027-03-03T10:11:59.441809Z","heldSupport":false,"revokedAt":"2026-12-03T10:12:00.709564Z"}', NULL, 'com.leadledger.events.registration.RegistrationRevoked', '2026-12-03T10:12:00.710Z', '{H\367,\201mO\350\326\230$H\360\356\021\247+[x\312t>\227\006$\263\0003\325\005*\005', '\376M\024\223\356\245\352\020\330\374EnA\034\223\232\235\323.\374\337\317\241w\262rH\271 &\271\373');
INSERT INTO public.domainevententry VALUES (53, 'P-1002', 1, 'Partner', '34caa622-b5c5-4ea0-9947-040e0ead98e3', '{"causationId":"52946671-5a55-41a8-8cb2-3a22175c9af7","correlationId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorId":"channel_director-1","requestId":"a58da135-76ab-4ccc-9f32-281f99bfb73a","actorRole":"CHANNEL_DIRECTOR"}', '{"partnerId":"P-1002","disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","points":10,"totalPoints":10,"penalizedAt":"2026-12-03T10:12:00.719473Z"}', NULL, 'com.leadledger.events.partner.PartnerPenalized', '2026-12-03T10:12:00.719Z', '\264\364\235\336\324I\206\007\317\243\374Z\326NX\253~\352\024P\336.\2048O\340M\357\232\204%A', '\354\366\225\017\311)\000;\346\015\260\216iqj\204\023\370\246`Td\213"\365j\353\317q\200\017\223');
INSERT INTO public.domainevententry VALUES (79, '32972efd-abb1-38d0-bb93-b701492eb8c9', 13, 'Opportunity', 'd458da7b-8db7-40e1-a2d4-64fd94e44dca', '{}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"814fef41-514c-45ca-a84e-8b1a26b167d6","partnerId":"P-2001","reviewDueAt":"2027-02-04T10:12:04.091624Z","becameReviewableAt":"2027-02-01T10:12:04.091624Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationBecameReviewable', '2026-12-03T10:12:04.626Z', 'dI.\240\320\\\223\010/`X\235gT\340\\\231\014''\370r\256"\366\201\343\007{/\363\331N', 'f(U^\355\213b\0137F\206W1\270\017\230q\377\004\320\005YV"\311\017\306\253\242\342\326\261');
INSERT INTO public.domainevententry VALUES (54, 'ab495c3b-9641-49da-b243-83954197ad5d', 7, 'Dispute', '4c020be2-acb7-4cae-a707-3401c00854db', '{"actorId":"user-of-P-1002","requestId":"665fe99f-5abd-4f23-8f62-74ec160df47e","actorRole":"PARTNER","causationId":"665fe99f-5abd-4f23-8f62-74ec160df47e","correlationId":"665fe99f-5abd-4f23-8f62-74ec160df47e","partnerId":"P-1002"}', '{"disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","byPartnerId":"P-1002","reason":"The discount was approved by the vendor in writing.","fromLevel":2,"level":3,"slaDueAt":"2026-12-10T10:12:00.966497Z","at":"2026-12-03T10:12:00.966497Z","policyVersion":2}', NULL, 'com.leadledger.events.dispute.DisputeAppealed', '2026-12-03T10:12:00.968Z', '\347\373\355\001~\203\\\213j\320 \246]\035K\001\371%\201\035yo\3549pb\314U\366.A\333', '\311\014\232\371\344\223\311\341\256\234\021\372wG\377h[\277\330\270i\342P\200b\251\362\012''5\327\233');
INSERT INTO public.domainevententry VALUES (56, '6a3009e1-e25e-3c48-998d-9b6255f92119', 5, 'Opportunity', '47218661-b6de-427e-b528-68d25c8b031e', '{"causationId":"af45eb9c-f35e-472a-a6ab-4e16321219a3","correlationId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorId":"arbitration_committee-1","requestId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorRole":"ARBITRATION_COMMITTEE"}', '{"opportunityId":"6a3009e1-e25e-3c48-998d-9b6255f92119","registrationId":"1d2eabcc-764d-476f-ac06-be6b902e9c66","partnerId":"P-1002","disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","status":"APPROVED","protectedUntil":"2027-03-03T10:11:59.441809Z","reversedAt":"2026-12-03T10:12:01.022410Z"}', NULL, 'com.leadledger.events.registration.RegistrationRevocationReversed', '2026-12-03T10:12:01.022Z', '\376M\024\223\356\245\352\020\330\374EnA\034\223\232\235\323.\374\337\317\241w\262rH\271 &\271\373', '\344O^\016\031\272\257vQM\300\267\030\327\253Lu\303\036\263\374\315\025\017\310\203O\2061|\254:');
INSERT INTO public.domainevententry VALUES (57, 'P-1002', 2, 'Partner', '379edaf8-d14a-428b-810a-519a43c62440', '{"causationId":"af45eb9c-f35e-472a-a6ab-4e16321219a3","correlationId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorId":"arbitration_committee-1","requestId":"ca0b2135-1acc-4e79-b4ee-aeca5c60ebc0","actorRole":"ARBITRATION_COMMITTEE"}', '{"partnerId":"P-1002","disputeId":"ab495c3b-9641-49da-b243-83954197ad5d","points":10,"totalPoints":0,"reversedAt":"2026-12-03T10:12:01.030273Z"}', NULL, 'com.leadledger.events.partner.PartnerPenaltyReversed', '2026-12-03T10:12:01.030Z', '\354\366\225\017\311)\000;\346\015\260\216iqj\204\023\370\246`Td\213"\365j\353\317q\200\017\223', '\255\352\250]\037\277\014\223\0148\036\250+U@\344\316\014\037\345\301\016\334\365\302\221\346!i1\206\033');
INSERT INTO public.domainevententry VALUES (58, '720d4212-88ed-3c65-b54b-b436a3502256', 0, 'Opportunity', '0adbf586-0405-41d9-b8ca-64234c5a5582', '{"actorId":"user-of-P-1001","requestId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","actorRole":"PARTNER","causationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","correlationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","partnerId":"P-1001"}', '{"opportunityId":"720d4212-88ed-3c65-b54b-b436a3502256","customerKey":"RU:7810001238","productLine":"COLLABORATION","openedAt":"2026-12-03T10:12:01.549333Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:12:01.549Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', ')p\257kD\241\002\332(ol\267-\235\260t\354-s\304G\306\033\337\360\370\216\032\374s\342\353');
INSERT INTO public.domainevententry VALUES (59, '720d4212-88ed-3c65-b54b-b436a3502256', 1, 'Opportunity', 'b2f9cfd4-bb82-4bb6-808b-12756a3c220d', '{"actorId":"user-of-P-1001","requestId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","actorRole":"PARTNER","causationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","correlationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","partnerId":"P-1001"}', '{"opportunityId":"720d4212-88ed-3c65-b54b-b436a3502256","registrationId":"d20c6ee5-d67f-439a-a4de-784b47ee5a78","partnerId":"P-1001","position":1,"customer":{"legalName":"\320\236\320\236\320\236 \302\253\320\222\320\260\321\201\320\270\320\273\321\221\320\272-\320\242\321\200\320\265\320\271\320\264\302\273","country":"RU","taxId":"RU:7810001238","domain":null,"region":null},"customerKey":"RU:7810001238","productLine":"COLLABORATION","estimatedValue":{"amount":"450000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":null,"acceptedAt":"2026-12-03T10:12:01.549333Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:12:01.549Z', ')p\257kD\241\002\332(ol\267-\235\260t\354-s\304G\306\033\337\360\370\216\032\374s\342\353', '@\030\246{\374+\243\003\317P\001,(\012\206\306\012\240\233\217\263\001J}\037\336'')\366\237\355e');
INSERT INTO public.domainevententry VALUES (60, '720d4212-88ed-3c65-b54b-b436a3502256', 2, 'Opportunity', 'd2486f96-2eb4-48fc-8ce0-dfb475dd1e61', '{"actorId":"user-of-P-1001","requestId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","actorRole":"PARTNER","causationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","correlationId":"04aded27-cb39-4a55-9c5b-cfbcdddcacf5","partnerId":"P-1001"}', '{"opportunityId":"720d4212-88ed-3c65-b54b-b436a3502256","registrationId":"d20c6ee5-d67f-439a-a4de-784b47ee5a78","level":1,"reviewDueAt":"2026-12-08T10:12:01.549333Z","startedAt":"2026-12-03T10:12:01.549333Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:12:01.550Z', '@\030\246{\374+\243\003\317P\001,(\012\206\306\012\240\233\217\263\001J}\037\336'')\366\237\355e', 'Ka\277\376\242\232\304\001I\326n\001\324=\373\355F\230\323\2718\015\263&\253?\351KH\226\004H');
INSERT INTO public.domainevententry VALUES (61, '5b842515-be11-382c-b3c6-67a6964420b5', 0, 'Opportunity', '695a5b12-0930-492d-8874-aa6ccebe5c8a', '{"actorId":"user-of-P-1003","requestId":"54ded0f8-c6fe-424e-86ab-529b81003340","actorRole":"PARTNER","causationId":"54ded0f8-c6fe-424e-86ab-529b81003340","correlationId":"54ded0f8-c6fe-424e-86ab-529b81003340","partnerId":"P-1003"}', '{"opportunityId":"5b842515-be11-382c-b3c6-67a6964420b5","customerKey":"vasilek-trade.ru","productLine":"COLLABORATION","openedAt":"2026-12-03T10:12:01.578508Z"}', NULL, 'com.leadledger.events.opportunity.OpportunityOpened', '2026-12-03T10:12:01.580Z', '\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000\000', 'f0\350\255e\356n\336\246\346\012M\015l\256\347\363\306\2627l\263\036\256\303\234\037EMu\250\225');
INSERT INTO public.domainevententry VALUES (62, '5b842515-be11-382c-b3c6-67a6964420b5', 1, 'Opportunity', '48ce1e96-385c-479c-bac4-dc0f28fcbc23', '{"actorId":"user-of-P-1003","requestId":"54ded0f8-c6fe-424e-86ab-529b81003340","actorRole":"PARTNER","causationId":"54ded0f8-c6fe-424e-86ab-529b81003340","correlationId":"54ded0f8-c6fe-424e-86ab-529b81003340","partnerId":"P-1003"}', '{"opportunityId":"5b842515-be11-382c-b3c6-67a6964420b5","registrationId":"1ad59d23-3d77-4849-b3dc-71e93c78ee75","partnerId":"P-1003","position":1,"customer":{"legalName":"Vasilek Trade LLC","country":"RU","taxId":null,"domain":"vasilek-trade.ru","region":null},"customerKey":"vasilek-trade.ru","productLine":"COLLABORATION","estimatedValue":{"amount":"300000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":"Video conferencing for 40 rooms","acceptedAt":"2026-12-03T10:12:01.578508Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:12:01.580Z', 'f0\350\255e\356n\336\246\346\012M\015l\256\347\363\306\2627l\263\036\256\303\234\037EMu\250\225', '\016\362q\301a\016\310\377\024\205\202\031\206\367.RD\244\300\255\213\253\207\275\362\247\312\371(-Y\001');
INSERT INTO public.domainevententry VALUES (63, '5b842515-be11-382c-b3c6-67a6964420b5', 2, 'Opportunity', '3798a059-38b5-4b8a-8376-ed5e960c5a83', '{"actorId":"user-of-P-1003","requestId":"54ded0f8-c6fe-424e-86ab-529b81003340","actorRole":"PARTNER","causationId":"54ded0f8-c6fe-424e-86ab-529b81003340","correlationId":"54ded0f8-c6fe-424e-86ab-529b81003340","partnerId":"P-1003"}', '{"opportunityId":"5b842515-be11-382c-b3c6-67a6964420b5","registrationId":"1ad59d23-3d77-4849-b3dc-71e93c78ee75","level":1,"reviewDueAt":"2026-12-08T10:12:01.578508Z","startedAt":"2026-12-03T10:12:01.578508Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:12:01.613Z', '\016\362q\301a\016\310\377\024\205\202\031\206\367.RD\244\300\255\213\253\207\275\362\247\312\371(-Y\001', '\254~a\332\207\260N\374\267h\345\257\301J\256\306W\365\270D\366\352\220\371L&e\201\247R\352\345');
INSERT INTO public.domainevententry VALUES (64, '5b842515-be11-382c-b3c6-67a6964420b5', 3, 'Opportunity', 'b10dd079-0df6-492f-8e29-f88010220941', '{}', '{"opportunityId":"5b842515-be11-382c-b3c6-67a6964420b5","registrationId":"1ad59d23-3d77-4849-b3dc-71e93c78ee75","level":2,"reviewDueAt":"2026-12-11T10:12:01.578508Z","escalatedAt":"2026-12-08T10:12:01.578508Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewEscalated', '2026-12-03T10:12:02.623Z', '\254~a\332\207\260N\374\267h\345\257\301J\256\306W\365\270D\366\352\220\371L&e\201\247R\352\345', '%g\213\005\217\3120\350E\024\223\2344\220X\331Wy\300\252\213 \270\032F\241N\373\257&\032\013');
INSERT INTO public.domainevententry VALUES (67, '32972efd-abb1-38d0-bb93-b701492eb8c9', 1, 'Opportunity', '228c312a-2322-4c55-8e3f-04a46ff33957', '{"actorId":"user-of-P-1001","requestId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","actorRole":"PARTNER","causationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","correlationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","partnerId":"P-1001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"0ac462cd-9418-4a82-b7c8-22562c8a608c","partnerId":"P-1001","position":1,"customer":{"legalName":"\320\237\320\220\320\236 \302\253\320\243\321\200\320\260\320\273\321\201\320\265\321\202\321\214\302\273","country":"RU","taxId":"RU:6604005676","domain":null,"region":null},"customerKey":"RU:6604005676","productLine":"CLOUD_SERVICES","estimatedValue":{"amount":"800000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":null,"acceptedAt":"2026-12-03T10:12:03.878228Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:12:03.878Z', '\343\316s\331\344z\302\015\246\303\314\365{\021\264&\245\32051\271\001\245^X\222\315oZ\232k\365', '6\377\016\333\235w%\370\341\225\332\037\221\233\007\035{\004\3245\342`\306N<\247z\267eUJ\366');
INSERT INTO public.domainevententry VALUES (68, '32972efd-abb1-38d0-bb93-b701492eb8c9', 2, 'Opportunity', '8c7240b9-e652-4f88-af73-f1b0540cb0f6', '{"actorId":"user-of-P-1001","requestId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","actorRole":"PARTNER","causationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","correlationId":"f7549570-05ad-4a01-8709-8aa5cf0cda43","partnerId":"P-1001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"0ac462cd-9418-4a82-b7c8-22562c8a608c","level":1,"reviewDueAt":"2026-12-08T10:12:03.878228Z","startedAt":"2026-12-03T10:12:03.878228Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:12:03.881Z', '6\377\016\333\235w%\370\341\225\332\037\221\233\007\035{\004\3245\342`\306N<\247z\267eUJ\366', '\211"\244\017#\027F\255\2162\216\334\311\006\377g\031;\263\317\215\263\030U\251\253\251\002;\312XJ');
INSERT INTO public.domainevententry VALUES (69, '32972efd-abb1-38d0-bb93-b701492eb8c9', 3, 'Opportunity', '65c5f68f-4ddf-482a-b257-ee594f5130c3', '{"actorId":"user-of-P-1002","requestId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","actorRole":"PARTNER","causationId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","correlationId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","partnerId":"P-1002"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","position":2,"customer":{"legalName":"Uralset PJSC","country":"RU","taxId":"RU:6604005676","domain":"uralset.ru","region":null},"customerKey":"RU:6604005676","productLine":"CLOUD_SERVICES","estimatedValue":{"amount":"750000","currency":"RUB"},"expectedCloseDate":"2027-03-03","description":null,"acceptedAt":"2026-12-03T10:12:03.978438Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:12:03.978Z', '\211"\244\017#\027F\255\2162\216\334\311\006\377g\031;\263\317\215\263\030U\251\253\251\002;\312XJ', '\326.^\246r\013\203\200\246\244\357\254B\346\202\024[U\255t\223o_\251\023\351\254\227\270\357\2048');
INSERT INTO public.domainevententry VALUES (70, '32972efd-abb1-38d0-bb93-b701492eb8c9', 4, 'Opportunity', 'f03c2373-2867-4b9d-b61a-46e76ca0fa94', '{"actorId":"user-of-P-1002","requestId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","actorRole":"PARTNER","causationId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","correlationId":"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a","partnerId":"P-1002"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","level":1,"reviewDueAt":"2026-12-08T10:12:03.978438Z","startedAt":"2026-12-03T10:12:03.978438Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:12:03.979Z', '\326.^\246r\013\203\200\246\244\357\254B\346\202\024[U\255t\223o_\251\023\351\254\227\270\357\2048', '\357\200b\315C\253\316\001`X\354!F!h\374@7\315<\027\311<\366e\030\354U\372\025>\317');
INSERT INTO public.domainevententry VALUES (71, '32972efd-abb1-38d0-bb93-b701492eb8c9', 5, 'Opportunity', '4d047a4d-5d10-446c-a79e-df1fb5e7cdb9', '{"actorId":"user-of-P-2001","requestId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","actorRole":"PARTNER","causationId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","correlationId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","partnerId":"P-2001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"814fef41-514c-45ca-a84e-8b1a26b167d6","partnerId":"P-2001","position":3,"customer":{"legalName":"Uralset","country":"RU","taxId":"RU:6604005676","domain":null,"region":null},"customerKey":"RU:6604005676","productLine":"CLOUD_SERVICES","estimatedValue":{"amount":"12000","currency":"USD"},"expectedCloseDate":"2027-03-03","description":"Private cloud migration","acceptedAt":"2026-12-03T10:12:04.025331Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationSubmitted', '2026-12-03T10:12:04.025Z', '\357\200b\315C\253\316\001`X\354!F!h\374@7\315<\027\311<\366e\030\354U\372\025>\317', 'l\244\317\207\226wx\277\311W4\372H\012\347\233\306\305\212\364\300jP\330\201/w\275\272\231\343\343');
INSERT INTO public.domainevententry VALUES (72, '32972efd-abb1-38d0-bb93-b701492eb8c9', 6, 'Opportunity', '529f99fa-168d-4538-8d8d-9be6b94968e6', '{"actorId":"user-of-P-2001","requestId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","actorRole":"PARTNER","causationId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","correlationId":"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6","partnerId":"P-2001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"814fef41-514c-45ca-a84e-8b1a26b167d6","level":1,"reviewDueAt":"2026-12-08T10:12:04.025331Z","startedAt":"2026-12-03T10:12:04.025331Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.ReviewSlaStarted', '2026-12-03T10:12:04.026Z', 'l\244\317\207\226wx\277\311W4\372H\012\347\233\306\305\212\364\300jP\330\201/w\275\272\231\343\343', '\302\331\007\015r\341wG\365s\207\207\262\371/\010 @\327U\342\217\330\260\021l\331\217l\024\3131');
INSERT INTO public.domainevententry VALUES (73, '32972efd-abb1-38d0-bb93-b701492eb8c9', 7, 'Opportunity', '27ea3159-8d99-44da-859f-f0a9e0d08ba7', '{"actorId":"user-of-P-1001","requestId":"c2312be1-a988-46a9-8419-3d23f5754365","actorRole":"PARTNER","causationId":"c2312be1-a988-46a9-8419-3d23f5754365","correlationId":"c2312be1-a988-46a9-8419-3d23f5754365","partnerId":"P-1001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"0ac462cd-9418-4a82-b7c8-22562c8a608c","partnerId":"P-1001","reason":"the customer postponed the project","withdrawnAt":"2026-12-03T10:12:04.057992Z"}', NULL, 'com.leadledger.events.registration.RegistrationWithdrawn', '2026-12-03T10:12:04.058Z', '\302\331\007\015r\341wG\365s\207\207\262\371/\010 @\327U\342\217\330\260\021l\331\217l\024\3131', 'EIT\024\346d\354\361z\3050\025\305]\302\204H\257\215\334\370Y\335BL)\352\004\207\250N\226');
INSERT INTO public.domainevententry VALUES (74, '32972efd-abb1-38d0-bb93-b701492eb8c9', 8, 'Opportunity', '8c7849da-16a5-48bb-bb72-1552a67f0d53', '{"actorId":"user-of-P-1001","requestId":"c2312be1-a988-46a9-8419-3d23f5754365","actorRole":"PARTNER","causationId":"c2312be1-a988-46a9-8419-3d23f5754365","correlationId":"c2312be1-a988-46a9-8419-3d23f5754365","partnerId":"P-1001"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","reviewDueAt":"2026-12-08T10:12:04.057992Z","becameReviewableAt":"2026-12-03T10:12:04.057992Z","policyVersion":2}', NULL, 'com.leadledger.events.registration.RegistrationBecameReviewable', '2026-12-03T10:12:04.061Z', 'EIT\024\346d\354\361z\3050\025\305]\302\204H\257\215\334\370Y\335BL)\352\004\207\250N\226', '\235\354\013Y\020\211\243\337\324T\001\036\033U\034Nzm\206\037tE\353\032\224N\033''U\305\334\270');
INSERT INTO public.domainevententry VALUES (77, '32972efd-abb1-38d0-bb93-b701492eb8c9', 11, 'Opportunity', '4b4dbf6a-7372-4507-a8ba-ce9e101bcea9', '{"causationId":"0dc7b931-7674-4f1e-934c-41b5486f50eb","correlationId":"0dc7b931-7674-4f1e-934c-41b5486f50eb","actorId":"channel_manager-1","requestId":"0dc7b931-7674-4f1e-934c-41b5486f50eb","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","note":null,"grantedAt":"2026-12-03T10:12:04.126973Z","policyVersion":2}', NULL, 'com.leadledger.events.opportunity.SupportGranted', '2026-12-03T10:12:04.127Z', '.\307\252\311\256\323\252/\315\231\365|&uY&\012u\331\213\033\236\016t\261Y\273\311\323Ao\325', 'p M\233\344\376\2569y4\250\021\221c_35_\204\000q\0146(Q\2330N\343\270\033\261');
INSERT INTO public.domainevententry VALUES (78, '32972efd-abb1-38d0-bb93-b701492eb8c9', 12, 'Opportunity', '49de083d-b2e7-4fe6-ba09-af5f317a3c73', '{}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","expiredAt":"2027-02-01T10:12:04.091624Z"}', NULL, 'com.leadledger.events.registration.RegistrationExpired', '2026-12-03T10:12:04.625Z', 'p M\233\344\376\2569y4\250\021\221c_35_\204\000q\0146(Q\2330N\343\270\033\261', 'dI.\240\320\\\223\010/`X\235gT\340\\\231\014''\370r\256"\366\201\343\007{/\363\331N');
INSERT INTO public.domainevententry VALUES (76, '32972efd-abb1-38d0-bb93-b701492eb8c9', 10, 'Opportunity', 'a5b253ac-6df7-4615-a44f-fc1383764f83', '{"causationId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","correlationId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","actorId":"channel_manager-1","requestId":"fc42a1b0-131d-48b1-9f84-89f631aa5aa1","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"814fef41-514c-45ca-a84e-8b1a26b167d6","partnerId":"P-2001","earlierRegisteredAt":"2026-12-03T10:12:03.978438Z","issuedAt":"2026-12-03T10:12:04.091624Z"}', NULL, 'com.leadledger.events.registration.EarlierRegistrationNoticeIssued', '2026-12-03T10:12:04.092Z', '\252\237Z\210\020\344\227TR3?\305p\224\307\254\012R\323s\236XA\012ikr\320\272\021\033\304', '.\307\252\311\256\323\252/\315\231\365|&uY&\012u\331\213\033\236\016t\261Y\273\311\323Ao\325');
INSERT INTO public.domainevententry VALUES (80, '32972efd-abb1-38d0-bb93-b701492eb8c9', 14, 'Opportunity', 'a7bc2076-07a9-4b66-9381-6d999b0561a8', '{"causationId":"05ac1f7d-454f-4954-8076-4a64d7ff16e0","correlationId":"05ac1f7d-454f-4954-8076-4a64d7ff16e0","actorId":"channel_manager-1","requestId":"05ac1f7d-454f-4954-8076-4a64d7ff16e0","actorRole":"CHANNEL_MANAGER"}', '{"opportunityId":"32972efd-abb1-38d0-bb93-b701492eb8c9","registrationId":"80996cbb-9800-4750-883b-a16a25b846ff","partnerId":"P-1002","reasonCode":"PROTECTION_EXPIRED","rulingDisputeId":null,"evidenceSha256":null,"note":"protection ended","withdrawnAt":"2026-12-03T10:12:04.749510Z","policyVersion":2}', NULL, 'com.leadledger.events.opportunity.SupportWithdrawn', '2026-12-03T10:12:04.750Z', 'f(U^\355\213b\0137F\206W1\270\017\230q\377\004\320\005YV"\311\017\306\253\242\342\326\261', 'V\324\022r\223,\267\334\011\271\342\345\3530\356G\216\243\213\013\302"\274\324Bp\015\212\243P\2668');


--
-- Data for Name: flyway_schema_history; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.flyway_schema_history VALUES (1, '1', 'event store', 'SQL', 'V1__event_store.sql', 216904940, 'postgres', '2026-12-03 10:11:25.602986', 68, true);
INSERT INTO public.flyway_schema_history VALUES (2, '2', 'command views', 'SQL', 'V2__command_views.sql', -1999407127, 'postgres', '2026-12-03 10:11:25.793024', 8, true);
INSERT INTO public.flyway_schema_history VALUES (3, '3', 'partners and deadlines', 'SQL', 'V3__partners_and_deadlines.sql', -742285558, 'postgres', '2026-12-03 10:11:25.919581', 147, true);
INSERT INTO public.flyway_schema_history VALUES (4, '10', 'tamper evident event store', 'SQL', 'V10__tamper_evident_event_store.sql', -1693834126, 'postgres', '2026-12-03 10:11:26.203773', 24, true);
INSERT INTO public.flyway_schema_history VALUES (5, '11', 'receipt event reference', 'SQL', 'V11__receipt_event_reference.sql', -411480003, 'postgres', '2026-12-03 10:11:26.239878', 5, true);
INSERT INTO public.flyway_schema_history VALUES (6, '12', 'disputes', 'SQL', 'V12__disputes.sql', -1495291974, 'postgres', '2026-12-03 10:11:26.250039', 6, true);
INSERT INTO public.flyway_schema_history VALUES (7, '13', 'idempotency keys', 'SQL', 'V13__idempotency_keys.sql', -1898222554, 'postgres', '2026-12-03 10:11:26.261998', 5, true);
INSERT INTO public.flyway_schema_history VALUES (8, '14', 'relay outbox', 'SQL', 'V14__relay_outbox.sql', 578227904, 'postgres', '2026-12-03 10:11:26.274332', 4, true);
INSERT INTO public.flyway_schema_history VALUES (9, '20', 'chain checkpoints', 'SQL', 'V20__chain_checkpoints.sql', -1823505768, 'postgres', '2026-12-03 10:11:26.285596', 7, true);
INSERT INTO public.flyway_schema_history VALUES (10, '21', 'drop dispute lookup', 'SQL', 'V21__drop_dispute_lookup.sql', -54799296, 'postgres', '2026-12-03 10:11:26.308167', 2, true);


--
-- Data for Name: idempotency_key; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: partner_registry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.partner_registry VALUES ('P-1001', 'Alpha Integrator', 'GOLD', '{CLOUD_SERVICES,COLLABORATION,DATA_CENTER,NETWORK_SECURITY}', false);
INSERT INTO public.partner_registry VALUES ('P-1002', 'Beta Reseller', 'SILVER', '{CLOUD_SERVICES,COLLABORATION,DATA_CENTER,NETWORK_SECURITY}', false);
INSERT INTO public.partner_registry VALUES ('P-1003', 'Gamma Systems', 'REGISTERED', '{COLLABORATION,NETWORK_SECURITY}', false);
INSERT INTO public.partner_registry VALUES ('P-2001', 'Delta Networks', 'GOLD', '{CLOUD_SERVICES,DATA_CENTER}', false);


--
-- Data for Name: policy_version; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.policy_version VALUES (1, '{"tiers": {"GOLD": {"protectionDays": 90, "maxDiscountPercent": 15}, "SILVER": {"protectionDays": 90, "maxDiscountPercent": 10}, "PLATINUM": {"protectionDays": 120, "maxDiscountPercent": 20}, "REGISTERED": {"protectionDays": 60, "maxDiscountPercent": 5}}, "calendar": {"holidays": [], "timeZone": "Europe/Moscow"}, "extension": {"maxDays": 30, "maxCount": 1}, "productLines": {"DATA_CENTER": {"minimumValue": {"EUR": 10000, "RUB": 1000000, "USD": 10000}}, "COLLABORATION": {"minimumValue": {"EUR": 1000, "RUB": 100000, "USD": 1000}}, "CLOUD_SERVICES": {"minimumValue": {"EUR": 2000, "RUB": 200000, "USD": 2000}}, "NETWORK_SECURITY": {"minimumValue": {"EUR": 3000, "RUB": 300000, "USD": 3000}}}, "appealWindowDays": 10, "maxCloseDateMonths": 12, "reviewSlaBusinessDays": 2, "disputeSlaBusinessDays": [2, 3, 5]}', '2026-12-03 10:11:35.299107+00', 'system');
INSERT INTO public.policy_version VALUES (2, '{"tiers": {"GOLD": {"protectionDays": 90, "maxDiscountPercent": 15}, "SILVER": {"protectionDays": 90, "maxDiscountPercent": 10}, "PLATINUM": {"protectionDays": 120, "maxDiscountPercent": 20}, "REGISTERED": {"protectionDays": 60, "maxDiscountPercent": 5}}, "calendar": {"holidays": ["2027-01-01", "2027-01-07"], "timeZone": "Europe/Moscow"}, "extension": {"maxDays": 30, "maxCount": 1}, "productLines": {"DATA_CENTER": {"minimumValue": {"EUR": 10000, "RUB": 1000000, "USD": 10000}}, "COLLABORATION": {"minimumValue": {"EUR": 1000, "RUB": 100000, "USD": 1000}}, "CLOUD_SERVICES": {"minimumValue": {"EUR": 2000, "RUB": 200000, "USD": 2000}}, "NETWORK_SECURITY": {"minimumValue": {"EUR": 3000, "RUB": 300000, "USD": 3000}}}, "appealWindowDays": 10, "maxCloseDateMonths": 12, "reviewSlaBusinessDays": 3, "disputeSlaBusinessDays": [2, 3, 5]}', '2026-12-03 10:11:58.707758+00', 'admin-1');


--
-- Data for Name: registration_lookup; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.registration_lookup VALUES ('f89d0c28-f9ce-4932-85bb-5e09ea2c30a3', 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 'P-1001', '0517c484-5324-4d5a-946b-85a405a87b59');
INSERT INTO public.registration_lookup VALUES ('e825048b-4856-45a9-8855-89e111143b95', 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 'P-1002', '99856150-4337-4d11-ab5d-1ac7418ff1e8');
INSERT INTO public.registration_lookup VALUES ('f91a322d-ac7a-4621-916b-f33a7f6e4e28', 'a201c859-1046-3525-8fe0-0b6c684c7ad6', 'P-1003', '9759ae52-d47d-4476-9433-1ba9d6ebafd5');
INSERT INTO public.registration_lookup VALUES ('b8bcdbf3-5121-42a3-bb3e-7efed9293a3a', '07049ca1-416c-31ed-8a2f-5998c397959e', 'P-1001', '369a105b-b9c4-42f0-a2ab-4ef9caf07efc');
INSERT INTO public.registration_lookup VALUES ('1d2eabcc-764d-476f-ac06-be6b902e9c66', '6a3009e1-e25e-3c48-998d-9b6255f92119', 'P-1002', 'a627f7b6-edb7-4bff-8548-c5c93b670269');
INSERT INTO public.registration_lookup VALUES ('d20c6ee5-d67f-439a-a4de-784b47ee5a78', '720d4212-88ed-3c65-b54b-b436a3502256', 'P-1001', 'b2f9cfd4-bb82-4bb6-808b-12756a3c220d');
INSERT INTO public.registration_lookup VALUES ('1ad59d23-3d77-4849-b3dc-71e93c78ee75', '5b842515-be11-382c-b3c6-67a6964420b5', 'P-1003', '48ce1e96-385c-479c-bac4-dc0f28fcbc23');
INSERT INTO public.registration_lookup VALUES ('0ac462cd-9418-4a82-b7c8-22562c8a608c', '32972efd-abb1-38d0-bb93-b701492eb8c9', 'P-1001', '228c312a-2322-4c55-8e3f-04a46ff33957');
INSERT INTO public.registration_lookup VALUES ('80996cbb-9800-4750-883b-a16a25b846ff', '32972efd-abb1-38d0-bb93-b701492eb8c9', 'P-1002', '65c5f68f-4ddf-482a-b257-ee594f5130c3');
INSERT INTO public.registration_lookup VALUES ('814fef41-514c-45ca-a84e-8b1a26b167d6', '32972efd-abb1-38d0-bb93-b701492eb8c9', 'P-2001', '4d047a4d-5d10-446c-a79e-df1fb5e7cdb9');


--
-- Data for Name: relay_outbox; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: scheduled_tasks; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '768d67eb-ad8a-4773-9c01-8dd2439ac4c6', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-07T10:11:55.818076Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"dc23b389-9c4d-4102-8d33-1464a990b576\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"dc23b389-9c4d-4102-8d33-1464a990b576\\",\\"correlationId\\":\\"dc23b389-9c4d-4102-8d33-1464a990b576\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-07 10:11:55.818076+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '531650e2-d9ab-4515-9b21-fc0db8874e31', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"e825048b-4856-45a9-8855-89e111143b95\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-07T10:11:56.220585Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1002\\",\\"requestId\\":\\"7ff8874d-8969-4a32-8a59-d6ebed67fbdb\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"7ff8874d-8969-4a32-8a59-d6ebed67fbdb\\",\\"correlationId\\":\\"7ff8874d-8969-4a32-8a59-d6ebed67fbdb\\",\\"partnerId\\":\\"P-1002\\"}"}', '2026-12-07 10:11:56.220585+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '6dd242cb-dff7-4e7d-8a65-dc53b12fc435', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"f91a322d-ac7a-4621-916b-f33a7f6e4e28\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-07T10:11:56.505528Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1003\\",\\"requestId\\":\\"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9\\",\\"correlationId\\":\\"bcc2d88e-bf5f-403b-bd7b-e0c8c35708a9\\",\\"partnerId\\":\\"P-1003\\"}"}', '2026-12-07 10:11:56.505528+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'fa53e88b-bd60-4cc7-a858-94c88ef83d16', '{"deadlineName":"protection-expiry","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3\\",\\"protectedUntil\\":\\"2027-03-03T10:11:56.764769Z\\"}","payloadClass":"com.leadledger.command.registration.ProtectionDeadline","payloadRevision":null,"metaData":"{\\"causationId\\":\\"dab4565b-63d5-4c5e-b070-8e567b7e5d1e\\",\\"correlationId\\":\\"dab4565b-63d5-4c5e-b070-8e567b7e5d1e\\",\\"actorId\\":\\"channel_manager-1\\",\\"requestId\\":\\"dab4565b-63d5-4c5e-b070-8e567b7e5d1e\\",\\"actorRole\\":\\"CHANNEL_MANAGER\\"}"}', '2027-03-03 10:11:56.764769+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'c327a219-39ee-4aa4-af61-5900a857c857', '{"deadlineName":"protection-expiry","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"f89d0c28-f9ce-4932-85bb-5e09ea2c30a3\\",\\"protectedUntil\\":\\"2027-03-23T10:11:56.764769Z\\"}","payloadClass":"com.leadledger.command.registration.ProtectionDeadline","payloadRevision":null,"metaData":"{\\"causationId\\":\\"6a6ac2db-2f90-46dc-ba7b-3534abf8185c\\",\\"correlationId\\":\\"6a6ac2db-2f90-46dc-ba7b-3534abf8185c\\",\\"actorId\\":\\"channel_manager-1\\",\\"requestId\\":\\"6a6ac2db-2f90-46dc-ba7b-3534abf8185c\\",\\"actorRole\\":\\"CHANNEL_MANAGER\\"}"}', '2027-03-23 10:11:56.764769+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '542d1dd6-299b-4b3b-9d04-9fb30588a6f1', '{"deadlineName":"dispute-sla","scopeDescriptor":"{\\"type\\":\\"Dispute\\",\\"identifier\\":\\"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"disputeId\\":\\"fb1bfe91-90bb-4a1c-aa60-c494481fe6a7\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-07T10:11:57.799851Z\\"}","payloadClass":"com.leadledger.command.dispute.DisputeSlaDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1002\\",\\"requestId\\":\\"ee26bc7d-9b74-470e-8a99-13c90559cf75\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"ee26bc7d-9b74-470e-8a99-13c90559cf75\\",\\"correlationId\\":\\"ee26bc7d-9b74-470e-8a99-13c90559cf75\\",\\"partnerId\\":\\"P-1002\\"}"}', '2026-12-07 10:11:57.799851+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'f2cebb2c-5048-4199-9e9f-84781b1350dc', '{"deadlineName":"protection-expiry","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"a201c859-1046-3525-8fe0-0b6c684c7ad6\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"e825048b-4856-45a9-8855-89e111143b95\\",\\"protectedUntil\\":\\"2027-03-03T10:11:58.974121Z\\"}","payloadClass":"com.leadledger.command.registration.ProtectionDeadline","payloadRevision":null,"metaData":"{\\"causationId\\":\\"72bd32fb-09c1-4698-87eb-3c2bac7d695c\\",\\"correlationId\\":\\"72bd32fb-09c1-4698-87eb-3c2bac7d695c\\",\\"actorId\\":\\"channel_manager-1\\",\\"requestId\\":\\"72bd32fb-09c1-4698-87eb-3c2bac7d695c\\",\\"actorRole\\":\\"CHANNEL_MANAGER\\"}"}', '2027-03-03 10:11:58.974121+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'a21c2797-62f0-4c8f-9e60-d460014da288', '{"deadlineName":"dispute-sla","scopeDescriptor":"{\\"type\\":\\"Dispute\\",\\"identifier\\":\\"37655d81-c3d6-4e2c-b6c9-4bec91d15627\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"disputeId\\":\\"37655d81-c3d6-4e2c-b6c9-4bec91d15627\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-07T10:11:59.044060Z\\"}","payloadClass":"com.leadledger.command.dispute.DisputeSlaDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"2611d9dc-af5c-4265-ad8b-693b07f473b4\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"2611d9dc-af5c-4265-ad8b-693b07f473b4\\",\\"correlationId\\":\\"2611d9dc-af5c-4265-ad8b-693b07f473b4\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-07 10:11:59.04406+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '297edce2-2d7c-4a41-b266-28ca56b6d0fc', '{"deadlineName":"dispute-sla","scopeDescriptor":"{\\"type\\":\\"Dispute\\",\\"identifier\\":\\"37655d81-c3d6-4e2c-b6c9-4bec91d15627\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"disputeId\\":\\"37655d81-c3d6-4e2c-b6c9-4bec91d15627\\",\\"level\\":2,\\"dueAt\\":\\"2026-12-08T10:11:59.088154Z\\"}","payloadClass":"com.leadledger.command.dispute.DisputeSlaDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"48b33f1b-f2fe-4d64-922c-2e747ba14651\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"48b33f1b-f2fe-4d64-922c-2e747ba14651\\",\\"correlationId\\":\\"48b33f1b-f2fe-4d64-922c-2e747ba14651\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-08 10:11:59.088154+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'bedb8d47-ae57-4e7b-bb2d-95c14d41d2e7', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"07049ca1-416c-31ed-8a2f-5998c397959e\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:11:59.219278Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"c9256e0c-fe50-476b-8fd4-4ff78311fb02\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"c9256e0c-fe50-476b-8fd4-4ff78311fb02\\",\\"correlationId\\":\\"c9256e0c-fe50-476b-8fd4-4ff78311fb02\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-08 10:11:59.219278+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'b287ae2f-30f6-4097-a40b-65e57c173b79', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"6a3009e1-e25e-3c48-998d-9b6255f92119\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"1d2eabcc-764d-476f-ac06-be6b902e9c66\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:11:59.273945Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1002\\",\\"requestId\\":\\"43465784-18c0-4263-a945-11da8c1509fa\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"43465784-18c0-4263-a945-11da8c1509fa\\",\\"correlationId\\":\\"43465784-18c0-4263-a945-11da8c1509fa\\",\\"partnerId\\":\\"P-1002\\"}"}', '2026-12-08 10:11:59.273945+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'e45b3d51-3b85-48b4-89f1-8ae50e74650f', '{"deadlineName":"protection-expiry","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"6a3009e1-e25e-3c48-998d-9b6255f92119\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"1d2eabcc-764d-476f-ac06-be6b902e9c66\\",\\"protectedUntil\\":\\"2027-03-03T10:11:59.441809Z\\"}","payloadClass":"com.leadledger.command.registration.ProtectionDeadline","payloadRevision":null,"metaData":"{\\"causationId\\":\\"b288d785-17fc-43f3-baaf-fad7baa3b131\\",\\"correlationId\\":\\"b288d785-17fc-43f3-baaf-fad7baa3b131\\",\\"actorId\\":\\"channel_manager-1\\",\\"requestId\\":\\"b288d785-17fc-43f3-baaf-fad7baa3b131\\",\\"actorRole\\":\\"CHANNEL_MANAGER\\"}"}', '2027-03-03 10:11:59.441809+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'ead150a8-6662-4e48-a115-fa07276575d5', '{"deadlineName":"dispute-sla","scopeDescriptor":"{\\"type\\":\\"Dispute\\",\\"identifier\\":\\"ab495c3b-9641-49da-b243-83954197ad5d\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"disputeId\\":\\"ab495c3b-9641-49da-b243-83954197ad5d\\",\\"level\\":2,\\"dueAt\\":\\"2026-12-10T10:11:59.475807Z\\"}","payloadClass":"com.leadledger.command.dispute.DisputeSlaDeadline","payloadRevision":null,"metaData":"{}"}', '2026-12-10 10:11:59.475807+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'b9101f9d-c318-4b83-a5ab-912e245adb77', '{"deadlineName":"dispute-sla","scopeDescriptor":"{\\"type\\":\\"Dispute\\",\\"identifier\\":\\"ab495c3b-9641-49da-b243-83954197ad5d\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"disputeId\\":\\"ab495c3b-9641-49da-b243-83954197ad5d\\",\\"level\\":3,\\"dueAt\\":\\"2026-12-10T10:12:00.966497Z\\"}","payloadClass":"com.leadledger.command.dispute.DisputeSlaDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1002\\",\\"requestId\\":\\"665fe99f-5abd-4f23-8f62-74ec160df47e\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"665fe99f-5abd-4f23-8f62-74ec160df47e\\",\\"correlationId\\":\\"665fe99f-5abd-4f23-8f62-74ec160df47e\\",\\"partnerId\\":\\"P-1002\\"}"}', '2026-12-10 10:12:00.966497+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'ff573f38-9435-4a90-8f90-eb9e293724fa', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"720d4212-88ed-3c65-b54b-b436a3502256\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"d20c6ee5-d67f-439a-a4de-784b47ee5a78\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:12:01.549333Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"04aded27-cb39-4a55-9c5b-cfbcdddcacf5\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"04aded27-cb39-4a55-9c5b-cfbcdddcacf5\\",\\"correlationId\\":\\"04aded27-cb39-4a55-9c5b-cfbcdddcacf5\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-08 10:12:01.549333+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '184a8345-4fe9-4fae-b572-69ee7fe6e107', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"5b842515-be11-382c-b3c6-67a6964420b5\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"1ad59d23-3d77-4849-b3dc-71e93c78ee75\\",\\"level\\":3,\\"dueAt\\":\\"2026-12-16T10:12:01.578508Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{}"}', '2026-12-16 10:12:01.578508+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '96e97cc0-d0ef-4a81-bb99-b93f3c1a9101', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"32972efd-abb1-38d0-bb93-b701492eb8c9\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"0ac462cd-9418-4a82-b7c8-22562c8a608c\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:12:03.878228Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"f7549570-05ad-4a01-8709-8aa5cf0cda43\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"f7549570-05ad-4a01-8709-8aa5cf0cda43\\",\\"correlationId\\":\\"f7549570-05ad-4a01-8709-8aa5cf0cda43\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-08 10:12:03.878228+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'db0ba846-3969-41f5-abe2-e398afa61a74', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"32972efd-abb1-38d0-bb93-b701492eb8c9\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"80996cbb-9800-4750-883b-a16a25b846ff\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:12:03.978438Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1002\\",\\"requestId\\":\\"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a\\",\\"correlationId\\":\\"cae29bd1-9edb-4d5b-a9ce-ca0d5a658b7a\\",\\"partnerId\\":\\"P-1002\\"}"}', '2026-12-08 10:12:03.978438+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '91778550-cb61-4461-8e3e-31f967055683', '{"deadlineName":"protection-expiry","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"07049ca1-416c-31ed-8a2f-5998c397959e\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"b8bcdbf3-5121-42a3-bb3e-7efed9293a3a\\",\\"protectedUntil\\":\\"2027-03-03T10:11:59.333617Z\\"}","payloadClass":"com.leadledger.command.registration.ProtectionDeadline","payloadRevision":null,"metaData":"{\\"causationId\\":\\"7879c30e-bbd9-4177-91cd-3806f27597b2\\",\\"correlationId\\":\\"7879c30e-bbd9-4177-91cd-3806f27597b2\\",\\"actorId\\":\\"channel_manager-1\\",\\"requestId\\":\\"7879c30e-bbd9-4177-91cd-3806f27597b2\\",\\"actorRole\\":\\"CHANNEL_MANAGER\\"}"}', '2027-03-03 10:11:59.333617+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '87a133d5-3e51-4b45-8733-69a6339c1707', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"32972efd-abb1-38d0-bb93-b701492eb8c9\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"814fef41-514c-45ca-a84e-8b1a26b167d6\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:12:04.025331Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-2001\\",\\"requestId\\":\\"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6\\",\\"correlationId\\":\\"185e0f7c-5694-4d76-9df3-a6b4c5c6e3c6\\",\\"partnerId\\":\\"P-2001\\"}"}', '2026-12-08 10:12:04.025331+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', '4d54242a-b770-49c3-bd35-77b74722b3a1', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"32972efd-abb1-38d0-bb93-b701492eb8c9\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"80996cbb-9800-4750-883b-a16a25b846ff\\",\\"level\\":1,\\"dueAt\\":\\"2026-12-08T10:12:04.057992Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{\\"actorId\\":\\"user-of-P-1001\\",\\"requestId\\":\\"c2312be1-a988-46a9-8419-3d23f5754365\\",\\"actorRole\\":\\"PARTNER\\",\\"causationId\\":\\"c2312be1-a988-46a9-8419-3d23f5754365\\",\\"correlationId\\":\\"c2312be1-a988-46a9-8419-3d23f5754365\\",\\"partnerId\\":\\"P-1001\\"}"}', '2026-12-08 10:12:04.057992+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);
INSERT INTO public.scheduled_tasks VALUES ('AxonDeadline', 'cfd417a0-4419-4e63-9900-1dcaefce778f', '{"deadlineName":"review-sla","scopeDescriptor":"{\\"type\\":\\"Opportunity\\",\\"identifier\\":\\"32972efd-abb1-38d0-bb93-b701492eb8c9\\"}","scopeDescriptorClass":"org.axonframework.modelling.command.AggregateScopeDescriptor","payload":"{\\"registrationId\\":\\"814fef41-514c-45ca-a84e-8b1a26b167d6\\",\\"level\\":1,\\"dueAt\\":\\"2027-02-04T10:12:04.091624Z\\"}","payloadClass":"com.leadledger.command.registration.ReviewDeadline","payloadRevision":null,"metaData":"{}"}', '2027-02-04 10:12:04.091624+00', false, NULL, NULL, NULL, NULL, NULL, 1, NULL);


--
-- Data for Name: snapshotevententry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: stream_head; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.stream_head VALUES ('P-1001', 0, 'Q}%?\302\215x\034\343\204$\012\317\266S\201\026\020\250\321\260\276r\214\005\240\013,h\016\357\301', 1);
INSERT INTO public.stream_head VALUES ('P-1003', 0, '"\010\366\035\246D\266\371\312\221.\322\364\3263\346,\263\203\376:\367\253\200\255d\340\357\330\361\325\246', 1);
INSERT INTO public.stream_head VALUES ('5b842515-be11-382c-b3c6-67a6964420b5', 4, '\341)\013:\244XBvL\250p{\353u\366\011E\375\365\317\260\005\020c\036\242)\016\316\376\004\277', 5);
INSERT INTO public.stream_head VALUES ('P-2001', 4, '\315bx\250I@\341if\370\375\351\372\343g\003\371$\302N\220\375\373\207\272u\007H\362C\204%', 5);
INSERT INTO public.stream_head VALUES ('32972efd-abb1-38d0-bb93-b701492eb8c9', 14, 'V\324\022r\223,\267\334\011\271\342\345\3530\356G\216\243\213\013\302"\274\324Bp\015\212\243P\2668', 15);
INSERT INTO public.stream_head VALUES ('leadledger-policy', 1, '\005,\032\312\033@+\232PR\314I\304\004V\355\2556\374\331\013\211$\360\020]3\261\222G\323\212', 2);
INSERT INTO public.stream_head VALUES ('fb1bfe91-90bb-4a1c-aa60-c494481fe6a7', 1, '\262\302`\342\335\235\0015V\213\2328\210\366\266=\231] p\226\261iG\267+\375E\002\333\024\237', 2);
INSERT INTO public.stream_head VALUES ('37655d81-c3d6-4e2c-b6c9-4bec91d15627', 1, '\034l\000\331f\35300!\3607\030\016r1?\231\310\007*S\016D~\205\326\336Z''\242\2025', 2);
INSERT INTO public.stream_head VALUES ('a201c859-1046-3525-8fe0-0b6c684c7ad6', 20, '%\0158S\227\021i\375>\006\017\351\236}\265\000}P\230@|\231\360\004\015\3670\303T\227\020\024', 21);
INSERT INTO public.stream_head VALUES ('07049ca1-416c-31ed-8a2f-5998c397959e', 4, '\3318E\270\242/B.\246\0364\252\012\214\320I\303\267\211\354#\033;\264\032\207Kl\373\231/\227', 5);
INSERT INTO public.stream_head VALUES ('ab495c3b-9641-49da-b243-83954197ad5d', 8, '\304\204pmzw4\261(\300\255\200\222\034e\355Q"\320\336C(\210\015\240\372\012\267\2650\017u', 9);
INSERT INTO public.stream_head VALUES ('6a3009e1-e25e-3c48-998d-9b6255f92119', 5, '\344O^\016\031\272\257vQM\300\267\030\327\253Lu\303\036\263\374\315\025\017\310\203O\2061|\254:', 6);
INSERT INTO public.stream_head VALUES ('P-1002', 2, '\255\352\250]\037\277\014\223\0148\036\250+U@\344\316\014\037\345\301\016\334\365\302\221\346!i1\206\033', 3);
INSERT INTO public.stream_head VALUES ('720d4212-88ed-3c65-b54b-b436a3502256', 2, 'Ka\277\376\242\232\304\001I\326n\001\324=\373\355F\230\323\2718\015\263&\253?\351KH\226\004H', 3);


--
-- Data for Name: tokenentry; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.tokenentry VALUES ('dispute-effects', 0, '{"index":80,"gaps":[]}', 'org.axonframework.eventhandling.GapAwareTrackingToken', '2026-12-03T10:12:08.118Z', '20540@vm');


--
-- Name: domainevententry_globalindex_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.domainevententry_globalindex_seq', 80, true);


--
-- Name: chain_checkpoint chain_checkpoint_first_uq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chain_checkpoint
    ADD CONSTRAINT chain_checkpoint_first_uq UNIQUE (first_index);


--
-- Name: chain_checkpoint chain_checkpoint_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.chain_checkpoint
    ADD CONSTRAINT chain_checkpoint_pkey PRIMARY KEY (checkpoint_no);


--
-- Name: domainevententry domainevententry_aggregate_sequence_uq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domainevententry
    ADD CONSTRAINT domainevententry_aggregate_sequence_uq UNIQUE (aggregateidentifier, sequencenumber);


--
-- Name: domainevententry domainevententry_event_id_uq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domainevententry
    ADD CONSTRAINT domainevententry_event_id_uq UNIQUE (eventidentifier);


--
-- Name: domainevententry domainevententry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.domainevententry
    ADD CONSTRAINT domainevententry_pkey PRIMARY KEY (globalindex);


--
-- Name: flyway_schema_history flyway_schema_history_pk; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flyway_schema_history
    ADD CONSTRAINT flyway_schema_history_pk PRIMARY KEY (installed_rank);


--
-- Name: idempotency_key idempotency_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_key
    ADD CONSTRAINT idempotency_key_pkey PRIMARY KEY (scope, idem_key);


--
-- Name: partner_registry partner_registry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.partner_registry
    ADD CONSTRAINT partner_registry_pkey PRIMARY KEY (partner_id);


--
-- Name: policy_version policy_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.policy_version
    ADD CONSTRAINT policy_version_pkey PRIMARY KEY (version);


--
-- Name: registration_lookup registration_lookup_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.registration_lookup
    ADD CONSTRAINT registration_lookup_pkey PRIMARY KEY (registration_id);


--
-- Name: relay_outbox relay_outbox_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.relay_outbox
    ADD CONSTRAINT relay_outbox_pkey PRIMARY KEY (global_index);


--
-- Name: scheduled_tasks scheduled_tasks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.scheduled_tasks
    ADD CONSTRAINT scheduled_tasks_pkey PRIMARY KEY (task_name, task_instance);


--
-- Name: snapshotevententry snapshotevententry_event_id_uq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshotevententry
    ADD CONSTRAINT snapshotevententry_event_id_uq UNIQUE (eventidentifier);


--
-- Name: snapshotevententry snapshotevententry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.snapshotevententry
    ADD CONSTRAINT snapshotevententry_pkey PRIMARY KEY (aggregateidentifier, sequencenumber);


--
-- Name: stream_head stream_head_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.stream_head
    ADD CONSTRAINT stream_head_pkey PRIMARY KEY (aggregateidentifier);


--
-- Name: tokenentry tokenentry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.tokenentry
    ADD CONSTRAINT tokenentry_pkey PRIMARY KEY (processorname, segment);


--
-- Name: flyway_schema_history_s_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX flyway_schema_history_s_idx ON public.flyway_schema_history USING btree (success);


--
-- Name: idempotency_key_created_at_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX idempotency_key_created_at_idx ON public.idempotency_key USING btree (created_at);


--
-- Name: registration_lookup_opportunity_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX registration_lookup_opportunity_idx ON public.registration_lookup USING btree (opportunity_id, partner_id);


--
-- Name: scheduled_tasks_execution_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX scheduled_tasks_execution_time_idx ON public.scheduled_tasks USING btree (execution_time);


--
-- Name: scheduled_tasks_last_heartbeat_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX scheduled_tasks_last_heartbeat_idx ON public.scheduled_tasks USING btree (last_heartbeat);


--
-- Name: scheduled_tasks_priority_execution_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX scheduled_tasks_priority_execution_time_idx ON public.scheduled_tasks USING btree (priority DESC, execution_time);


--
-- Name: chain_checkpoint chain_checkpoint_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chain_checkpoint_append_only BEFORE DELETE OR UPDATE ON public.chain_checkpoint FOR EACH ROW EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- Name: chain_checkpoint chain_checkpoint_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER chain_checkpoint_no_truncate BEFORE TRUNCATE ON public.chain_checkpoint FOR EACH STATEMENT EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- Name: domainevententry domainevententry_append_only; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER domainevententry_append_only BEFORE DELETE OR UPDATE ON public.domainevententry FOR EACH ROW EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- Name: domainevententry domainevententry_chain; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER domainevententry_chain BEFORE INSERT ON public.domainevententry FOR EACH ROW EXECUTE FUNCTION public.leadledger_chain_event();


--
-- Name: domainevententry domainevententry_head; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER domainevententry_head AFTER INSERT ON public.domainevententry FOR EACH ROW EXECUTE FUNCTION public.leadledger_advance_head();


--
-- Name: domainevententry domainevententry_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER domainevententry_no_truncate BEFORE TRUNCATE ON public.domainevententry FOR EACH STATEMENT EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- Name: domainevententry domainevententry_relay; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER domainevententry_relay AFTER INSERT ON public.domainevententry FOR EACH ROW EXECUTE FUNCTION public.leadledger_enqueue_for_relay();


--
-- Name: stream_head stream_head_no_delete; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER stream_head_no_delete BEFORE DELETE ON public.stream_head FOR EACH ROW EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- Name: stream_head stream_head_no_truncate; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER stream_head_no_truncate BEFORE TRUNCATE ON public.stream_head FOR EACH STATEMENT EXECUTE FUNCTION public.leadledger_refuse_change();


--
-- PostgreSQL database dump complete
--


