--
-- PostgreSQL database dump
--


-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
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

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: account; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account (
    id character varying(255) NOT NULL,
    account_key character varying(255) NOT NULL,
    can_manage_optouts boolean,
    created_at timestamp(6) with time zone NOT NULL,
    disable_optouts boolean,
    features character varying(4096),
    name character varying(255) NOT NULL,
    token_hash character varying(255) NOT NULL
);


--
-- Name: account_vendor; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.account_vendor (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    settings character varying(6000) NOT NULL,
    updated_at timestamp(6) with time zone NOT NULL,
    vendor character varying(255) NOT NULL
);


--
-- Name: channel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    address character varying(255) NOT NULL,
    character_limit integer,
    conversation_id character varying(255),
    conversation_endpoint character varying(255),
    label character varying(255),
    max_in_flight integer,
    metadata character varying(8192),
    mo_message_url character varying(2048),
    mo_message_url_auth_token character varying(255),
    rate_per_second double precision,
    settings character varying(6000),
    transport_type character varying(255) NOT NULL,
    vendor character varying(255) NOT NULL,
    CONSTRAINT channel_character_limit_check CHECK ((character_limit >= 0)),
    CONSTRAINT channel_max_in_flight_check CHECK (((max_in_flight <= 10000) AND (max_in_flight >= 1)))
);


--
-- Name: channel_log_line; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.channel_log_line (
    id bigint NOT NULL,
    channel_id character varying(255) NOT NULL,
    exception_class character varying(255),
    exception_stack character varying(4096),
    exception_text character varying(1024),
    level integer NOT NULL,
    message character varying(4096),
    "timestamp" timestamp(6) with time zone NOT NULL
);


--
-- Name: channel_log_line_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.channel_log_line_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: contact; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact (
    contact_key character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    bbm_pin character varying(255),
    created_at timestamp(6) with time zone NOT NULL,
    dob character varying(255),
    email_address character varying(255),
    extra oid,
    facebook_id character varying(255),
    gtalk_id character varying(255),
    msisdn character varying(255),
    mxit_id character varying(255),
    name character varying(255),
    subscription oid,
    surname character varying(255),
    twitter_handle character varying(255),
    version integer NOT NULL,
    wechat_id character varying(255)
);


--
-- Name: contact_group; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_group (
    contact_key character varying(255) NOT NULL,
    group_key character varying(255)
);


--
-- Name: contact_group_def; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.contact_group_def (
    group_key character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    name character varying(255) NOT NULL,
    query oid,
    version integer NOT NULL
);


--
-- Name: conversation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.conversation (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    bundle oid,
    bundle_main character varying(255),
    code_version character varying(64),
    app_config oid,
    javascript oid,
    name character varying(255) NOT NULL,
    settings oid,
    token_hash character varying(64),
    type character varying(16) NOT NULL,
    CONSTRAINT conversation_type_check CHECK (((type)::text = ANY ((ARRAY['JSBOX'::character varying, 'JUNEBUG'::character varying, 'HTTP_API'::character varying])::text[])))
);


--
-- Name: engine_mark; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.engine_mark (
    name character varying(64) NOT NULL,
    at_time timestamp(6) with time zone NOT NULL
);


--
-- Name: fake_vendor_message; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.fake_vendor_message (
    id character varying(255) NOT NULL,
    channel_id character varying(255) NOT NULL,
    content character varying(65535),
    from_addr character varying(255),
    message_id character varying(255) NOT NULL,
    received_at timestamp(6) with time zone NOT NULL,
    session_event character varying(255),
    to_addr character varying(255)
);


--
-- Name: idempotency_key; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.idempotency_key (
    id character varying(400) NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    message_id character varying(255) NOT NULL,
    request_hash character varying(64) NOT NULL
);


--
-- Name: inbound_part; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.inbound_part (
    id character varying(255) NOT NULL,
    channel_id character varying(255) NOT NULL,
    content character varying(4096),
    from_addr character varying(255),
    received_at timestamp(6) with time zone NOT NULL,
    ref character varying(255) NOT NULL,
    seq integer NOT NULL,
    to_addr character varying(255),
    total integer NOT NULL,
    vendor_message_id character varying(255)
);


--
-- Name: kv_entry; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.kv_entry (
    id character varying(1024) NOT NULL,
    account_id character varying(255) NOT NULL,
    expires_at timestamp(6) with time zone,
    value_json character varying(1048576)
);


--
-- Name: message; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.message (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    channel_data character varying(65535),
    channel_id character varying(255) NOT NULL,
    content character varying(65535),
    conversation_id character varying(255),
    direction character varying(16) NOT NULL,
    event_auth_token character varying(255),
    event_shape character varying(16),
    event_url character varying(2048),
    from_addr character varying(255),
    group_name character varying(255),
    in_reply_to character varying(255),
    session_event character varying(255),
    status character varying(16) NOT NULL,
    "timestamp" timestamp(6) with time zone NOT NULL,
    to_addr character varying(255),
    transport_type character varying(255),
    vendor_message_id character varying(255),
    CONSTRAINT message_direction_check CHECK (((direction)::text = ANY ((ARRAY['INBOUND'::character varying, 'OUTBOUND'::character varying])::text[]))),
    CONSTRAINT message_event_shape_check CHECK (((event_shape)::text = ANY ((ARRAY['JUNEBUG'::character varying, 'VUMI'::character varying])::text[]))),
    CONSTRAINT message_status_check CHECK (((status)::text = ANY ((ARRAY['QUEUED'::character varying, 'SUBMITTED'::character varying, 'REJECTED'::character varying, 'RECEIVED'::character varying, 'ROUTED'::character varying])::text[])))
);


--
-- Name: message_event; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.message_event (
    id character varying(255) NOT NULL,
    app_pending boolean NOT NULL,
    details character varying(65535),
    event_type character varying(255) NOT NULL,
    message_id character varying(255) NOT NULL,
    "timestamp" timestamp(6) with time zone NOT NULL
);


--
-- Name: metric_point; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.metric_point (
    id bigint NOT NULL,
    account_id character varying(255) NOT NULL,
    aggregator character varying(4) NOT NULL,
    fired_at timestamp(6) with time zone NOT NULL,
    name character varying(101) NOT NULL,
    store character varying(101) NOT NULL,
    metric_value double precision NOT NULL
);


--
-- Name: metric_point_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.metric_point ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.metric_point_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: opt_out; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.opt_out (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    address_type character varying(64) NOT NULL,
    address_value character varying(255) NOT NULL,
    created_at timestamp(6) with time zone NOT NULL,
    message_id character varying(255)
);


--
-- Name: push; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.push (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    attempts integer NOT NULL,
    auth_token character varying(2048),
    body character varying(200000) NOT NULL,
    channel_id character varying(255),
    conversation_id character varying(255),
    created_at timestamp(6) with time zone NOT NULL,
    delivered_at timestamp(6) with time zone,
    kind character varying(16) NOT NULL,
    last_error character varying(1024),
    next_attempt_at timestamp(6) with time zone,
    signing_secret character varying(1024),
    state character varying(16) NOT NULL,
    subject_id character varying(255) NOT NULL,
    timeout_seconds double precision,
    url character varying(8192) NOT NULL,
    CONSTRAINT push_kind_check CHECK (((kind)::text = ANY ((ARRAY['EVENT'::character varying, 'MESSAGE'::character varying])::text[]))),
    CONSTRAINT push_state_check CHECK (((state)::text = ANY ((ARRAY['PENDING'::character varying, 'DELIVERED'::character varying, 'FAILED'::character varying])::text[])))
);


--
-- Name: sandbox_failed_invocation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sandbox_failed_invocation (
    command_id character varying(255) NOT NULL,
    at timestamp(6) with time zone NOT NULL,
    conversation_id character varying(255) NOT NULL,
    reason character varying(1024)
);


--
-- Name: sandbox_log_line; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.sandbox_log_line (
    id bigint NOT NULL,
    conversation_id character varying(255) NOT NULL,
    level character varying(255) NOT NULL,
    message character varying(8192),
    "timestamp" timestamp(6) with time zone NOT NULL
);


--
-- Name: sandbox_log_line_seq; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.sandbox_log_line_seq
    START WITH 1
    INCREMENT BY 50
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: vendor_number; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.vendor_number (
    id character varying(255) NOT NULL,
    account_id character varying(255) NOT NULL,
    area_code character varying(255),
    bought_at timestamp(6) with time zone NOT NULL,
    messaging_service_sid character varying(255),
    number character varying(255) NOT NULL,
    vendor character varying(255) NOT NULL,
    vendor_id character varying(255)
);


--
-- Name: 16570; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16570');


--
-- Name: 16571; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16571');


--
-- Name: 16572; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16572');


--
-- Name: 16573; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16573');


--
-- Name: 16574; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16574');


--
-- Name: 16575; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16575');


--
-- Name: 16576; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16576');


--
-- Name: 16577; Type: BLOB; Schema: -; Owner: -
--

SELECT pg_catalog.lo_create('16577');


--
-- Data for Name: account; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.account VALUES ('1131afbb-ebed-4b93-862a-7542832bcc0c', '39f3a858cde54f07b0947db7b056bcbb', NULL, '2026-12-02 01:00:15.592918+00', NULL, NULL, 'Demo', 'f70d7a45e1117a0140d0ce66a77955c3887559f0cdc371e15f54a4070fcb134b');


--
-- Data for Name: account_vendor; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: channel; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.channel VALUES ('5ec4f3a1-c52a-45c8-84ef-a720882200a6', '1131afbb-ebed-4b93-862a-7542832bcc0c', '*120*8864#', NULL, 'f5e3adc1f286425a9e432174c43920f7', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'sms', 'fake');
INSERT INTO public.channel VALUES ('a15d6a27-3b18-4cc7-94f1-656e89eec497', '1131afbb-ebed-4b93-862a-7542832bcc0c', '5555', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 'sms', 'fake');


--
-- Data for Name: channel_log_line; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.channel_log_line VALUES (1, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', NULL, NULL, NULL, 30, 'Message 01a234443dab77dead5d40207a84ad3b to +27831234599 was refused: 30007: Fake error 30007, asked for with error30007 in the message''s text (https://github.com/MoveOnOrg/Spoke/blob/main/src/extensions/service-vendors/fakeservice/index.js)', '2026-12-02 01:00:17.223971+00');


--
-- Data for Name: contact; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.contact VALUES ('f5cdab71b490488793644f6fb09d7ae1', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '2026-12-02 01:00:17.630895+00', NULL, NULL, 16572, NULL, NULL, '+27831234567', NULL, 'Thandi', NULL, 'Nkosi', NULL, 0, NULL);
INSERT INTO public.contact VALUES ('bfc620655ec642d49c3cd8dc3489c308', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '2026-12-02 01:00:19.309808+00', NULL, NULL, 16573, NULL, NULL, '+27831234568', NULL, 'Pieter', NULL, NULL, NULL, 0, NULL);


--
-- Data for Name: contact_group; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: contact_group_def; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.contact_group_def VALUES ('ceecbccd9ed746c8a9dee1d882a7a1b3', '1131afbb-ebed-4b93-862a-7542832bcc0c', '2026-12-02 01:00:19.460145+00', 'zulu speakers', 16574, 0);
INSERT INTO public.contact_group_def VALUES ('acd85a4e90a8496b977793da2b3c83a0', '1131afbb-ebed-4b93-862a-7542832bcc0c', '2026-12-02 01:00:20.661393+00', 'static one', NULL, 0);


--
-- Data for Name: conversation; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.conversation VALUES ('f5e3adc1f286425a9e432174c43920f7', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, NULL, 'f76e0e0e0e8dbe77ec0f6d08591acd4076b2e4d70b8c3bf44c72c77df99cd2f5', 16570, 16571, 'Echo app', NULL, NULL, 'JSBOX');
INSERT INTO public.conversation VALUES ('0f0f97e86ab04872b847cb5bb3cce7bc', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, NULL, NULL, NULL, NULL, 'junebug app', 16575, NULL, 'JUNEBUG');
INSERT INTO public.conversation VALUES ('9f09642bc30b4f2487398b5aefb01ffd', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, NULL, NULL, NULL, NULL, 'http app', 16577, 'a6c74570c43342888f3a5135aa2e205b0eba52d79ad8e30cd4ef3b9ce5c729cb', 'HTTP_API');


--
-- Data for Name: engine_mark; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.engine_mark VALUES ('event-pushes-settled', '2026-12-02 01:01:05.810468+00');


--
-- Data for Name: fake_vendor_message; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.fake_vendor_message VALUES ('fake-01a234443ca679b1b3288f6471a69273', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 1', '*120*8864#', '01a234443c3c796a88649dcb179b1211', '2026-12-02 01:00:16.934822+00', NULL, '+27831234561');
INSERT INTO public.fake_vendor_message VALUES ('fake-01a234443d2277ec99c0474e939292c3', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 2', '*120*8864#', '01a234443d1273c58542696cfebfffcd', '2026-12-02 01:00:17.058802+00', NULL, '+27831234562');
INSERT INTO public.fake_vendor_message VALUES ('fake-01a234443d7b7c8e94a31e13e32c0a20', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 3', '*120*8864#', '01a234443d617f309a4b382a020c5d0f', '2026-12-02 01:00:17.147317+00', NULL, '+27831234563');


--
-- Data for Name: idempotency_key; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: inbound_part; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: kv_entry; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: message; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.message VALUES ('01a234443c3c796a88649dcb179b1211', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 1', 'f5e3adc1f286425a9e432174c43920f7', 'OUTBOUND', NULL, NULL, 'enc:v1:w3vi8SdS/9TLs7Aik/ul14iI5Xy4AyVGiFaT1n8mp4DpGdF0pyTTYkFqs6mWPbxdvglw1peigw==', '*120*8864#', NULL, NULL, NULL, 'SUBMITTED', '2026-12-02 01:00:16.829198+00', '+27831234561', 'sms', 'fake-01a234443ca679b1b3288f6471a69273');
INSERT INTO public.message VALUES ('01a234443d1273c58542696cfebfffcd', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 2', 'f5e3adc1f286425a9e432174c43920f7', 'OUTBOUND', NULL, NULL, 'enc:v1:6j+sNNJnszwJA/y+Mn4WD5pkRYv9jhZTlQIGvzjABKLjMpzLM6AaTXjkLtnmwHgOrdX4hHxJKw==', '*120*8864#', NULL, NULL, NULL, 'SUBMITTED', '2026-12-02 01:00:17.042311+00', '+27831234562', 'sms', 'fake-01a234443d2277ec99c0474e939292c3');
INSERT INTO public.message VALUES ('01a234443d617f309a4b382a020c5d0f', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hello 3', 'f5e3adc1f286425a9e432174c43920f7', 'OUTBOUND', NULL, NULL, 'enc:v1:Q8bhzr8z2j81k7YFASuO8Rl4vE37rhI8zNtAvPQHl2mV1QRZbkHuQhc8eR6KvC/fAHioMp2NaA==', '*120*8864#', NULL, NULL, NULL, 'SUBMITTED', '2026-12-02 01:00:17.121532+00', '+27831234563', 'sms', 'fake-01a234443d7b7c8e94a31e13e32c0a20');
INSERT INTO public.message VALUES ('01a234443dab77dead5d40207a84ad3b', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'fail error30007', 'f5e3adc1f286425a9e432174c43920f7', 'OUTBOUND', NULL, NULL, NULL, '*120*8864#', NULL, NULL, NULL, 'REJECTED', '2026-12-02 01:00:17.195654+00', '+27831234599', 'sms', NULL);
INSERT INTO public.message VALUES ('01a234443e3f777b98e55a1054717e8a', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'hi there', 'f5e3adc1f286425a9e432174c43920f7', 'INBOUND', NULL, NULL, NULL, '+27831234567', NULL, NULL, NULL, 'ROUTED', '2026-12-02 01:00:17.343755+00', '*120*8864#', 'sms', NULL);
INSERT INTO public.message VALUES ('01a234443e95764ca0c11915dddd1afc', '1131afbb-ebed-4b93-862a-7542832bcc0c', NULL, '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'ünïcödé ✓', 'f5e3adc1f286425a9e432174c43920f7', 'INBOUND', NULL, NULL, NULL, '+27831234568', NULL, NULL, NULL, 'ROUTED', '2026-12-02 01:00:17.429273+00', '*120*8864#', 'sms', NULL);


--
-- Data for Name: message_event; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.message_event VALUES ('01a234443d2e7567aa318793139724d8', false, '{}', 'submitted', '01a234443d1273c58542696cfebfffcd', '2026-12-02 01:00:17.070695+00');
INSERT INTO public.message_event VALUES ('01a234443dcc720aa3b8bd4e2b247c85', false, '{"reason":"30007: Fake error 30007, asked for with error30007 in the message''s text (https://github.com/MoveOnOrg/Spoke/blob/main/src/extensions/service-vendors/fakeservice/index.js)","error_code":"30007","description":"Fake error 30007, asked for with error30007 in the message''s text","link":"https://github.com/MoveOnOrg/Spoke/blob/main/src/extensions/service-vendors/fakeservice/index.js"}', 'rejected', '01a234443dab77dead5d40207a84ad3b', '2026-12-02 01:00:17.22843+00');
INSERT INTO public.message_event VALUES ('01a234443d917d129564bd3b8f7249a9', false, '{}', 'submitted', '01a234443d617f309a4b382a020c5d0f', '2026-12-02 01:00:17.169537+00');
INSERT INTO public.message_event VALUES ('01a234443ccd7c158919ca5d0a33bfc2', false, '{}', 'submitted', '01a234443c3c796a88649dcb179b1211', '2026-12-02 01:00:16.973346+00');


--
-- Data for Name: metric_point; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.metric_point VALUES (1, '1131afbb-ebed-4b93-862a-7542832bcc0c', 'sum', '2026-12-02 01:00:21.023463+00', 'visits', 'default', 3);


--
-- Data for Name: opt_out; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.opt_out VALUES ('238a879c63f14897bba8b5eea4c51472', '1131afbb-ebed-4b93-862a-7542832bcc0c', 'msisdn', '+27830000001', '2026-12-02 01:00:20.84348+00', NULL);


--
-- Data for Name: push; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.push VALUES ('01a234443d2e7567aa318793139724d8', '1131afbb-ebed-4b93-862a-7542832bcc0c', 6, NULL, '{"event_type":"submitted","event_id":"01a234443d2e7567aa318793139724d8","message_id":"01a234443d1273c58542696cfebfffcd","channel_id":"5ec4f3a1-c52a-45c8-84ef-a720882200a6","timestamp":"2026-12-02 01:00:17.070695","event_details":{}}', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'f5e3adc1f286425a9e432174c43920f7', '2026-12-02 01:00:17.070987+00', NULL, 'EVENT', 'Answered HTTP 404', '2026-12-02 01:01:20.557384+00', NULL, 'PENDING', '01a234443d2e7567aa318793139724d8', NULL, 'enc:v1:/VvkBvO/ntre8P6m2s4KrIJjDJNjF3gZRGmvuZDTS2j2RkSKRZ/d6YvDODPxrxZnFTak4XLPuA==');
INSERT INTO public.push VALUES ('01a234443ccd7c158919ca5d0a33bfc2', '1131afbb-ebed-4b93-862a-7542832bcc0c', 6, NULL, '{"event_type":"submitted","event_id":"01a234443ccd7c158919ca5d0a33bfc2","message_id":"01a234443c3c796a88649dcb179b1211","channel_id":"5ec4f3a1-c52a-45c8-84ef-a720882200a6","timestamp":"2026-12-02 01:00:16.973346","event_details":{}}', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'f5e3adc1f286425a9e432174c43920f7', '2026-12-02 01:00:16.994047+00', NULL, 'EVENT', 'Answered HTTP 404', '2026-12-02 01:01:20.568703+00', NULL, 'PENDING', '01a234443ccd7c158919ca5d0a33bfc2', NULL, 'enc:v1:xtjqzkuD8g9kGAo6hHKMnIWoZiLNEm5PxbjBz1Tdv2bnKoVPJbISvmQcNAtW2Xn6kVBiSQDCUg==');
INSERT INTO public.push VALUES ('01a234443d917d129564bd3b8f7249a9', '1131afbb-ebed-4b93-862a-7542832bcc0c', 6, NULL, '{"event_type":"submitted","event_id":"01a234443d917d129564bd3b8f7249a9","message_id":"01a234443d617f309a4b382a020c5d0f","channel_id":"5ec4f3a1-c52a-45c8-84ef-a720882200a6","timestamp":"2026-12-02 01:00:17.169537","event_details":{}}', '5ec4f3a1-c52a-45c8-84ef-a720882200a6', 'f5e3adc1f286425a9e432174c43920f7', '2026-12-02 01:00:17.173084+00', NULL, 'EVENT', 'Answered HTTP 404', '2026-12-02 01:01:20.615385+00', NULL, 'PENDING', '01a234443d917d129564bd3b8f7249a9', NULL, 'enc:v1:boTS5QDjTvGERG76JUXysZYsNAqh14ttNDb54GdUYa4mRqRYyB6ub94WDjF+ThxuIeh2M59S8w==');


--
-- Data for Name: sandbox_failed_invocation; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Data for Name: sandbox_log_line; Type: TABLE DATA; Schema: public; Owner: -
--

INSERT INTO public.sandbox_log_line VALUES (4, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:30.015371+00');
INSERT INTO public.sandbox_log_line VALUES (1, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:29.994277+00');
INSERT INTO public.sandbox_log_line VALUES (2, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:30.011726+00');
INSERT INTO public.sandbox_log_line VALUES (3, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:30.031153+00');
INSERT INTO public.sandbox_log_line VALUES (6, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:30.018764+00');
INSERT INTO public.sandbox_log_line VALUES (5, 'f5e3adc1f286425a9e432174c43920f7', 'ERROR', 'Sandbox ended the invocation: Wall-clock time limit of 10000 ms exceeded; the app''s context was abandoned: it did not stop within 1000 ms of being told to', '2026-12-02 01:00:30.017452+00');


--
-- Data for Name: vendor_number; Type: TABLE DATA; Schema: public; Owner: -
--



--
-- Name: channel_log_line_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.channel_log_line_seq', 1, true);


--
-- Name: metric_point_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.metric_point_id_seq', 1, true);


--
-- Name: sandbox_log_line_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.sandbox_log_line_seq', 51, true);


--
-- Data for Name: BLOBS; Type: BLOBS; Schema: -; Owner: -
--

BEGIN;

SELECT pg_catalog.lo_open('16570', 131072);
SELECT pg_catalog.lowrite(0, '\x7b22636f6e666967223a227b5c226e616d655c223a5c226563686f5c227d227d');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16571', 131072);
SELECT pg_catalog.lowrite(0, '\x2f2f205468652064656d6f206170703a20616e7377657273206576657279206d65737361676520776974682077686174206974207761732073656e7420616e6420686f77206d616e79206d6573736167657320697420686173207365656e2e0a6170692e6f6e5f696e626f756e645f6d657373616765203d2066756e6374696f6e2028636f6d6d616e6429207b0a20202020766172206d7367203d20636f6d6d616e642e6d73673b0a202020206170692e7265717565737428276b762e696e6372272c207b6b65793a20276563686f2e636f756e74277d2c2066756e6374696f6e2028636f756e7429207b0a20202020202020206170692e7265717565737428276f7574626f756e642e7265706c795f746f272c207b0a202020202020202020202020636f6e74656e743a20276563686f202327202b20636f756e742e76616c7565202b20273a2027202b206d73672e636f6e74656e742c0a202020202020202020202020696e5f7265706c795f746f3a206d73672e6d6573736167655f69642c0a202020202020202020202020636f6e74696e75655f73657373696f6e3a2066616c73650a20202020202020207d2c2066756e6374696f6e202829207b0a2020202020202020202020206170692e646f6e6528293b0a20202020202020207d293b0a202020207d293b0a7d3b0a');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16572', 131072);
SELECT pg_catalog.lowrite(0, '\x7b226c616e67223a227a75227d');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16573', 131072);
SELECT pg_catalog.lowrite(0, '\x7b226c616e67223a226166227d');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16574', 131072);
SELECT pg_catalog.lowrite(0, '\x6578747261732d6c616e673a7a75');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16575', 131072);
SELECT pg_catalog.lowrite(0, '\x656e633a76313a6555315867686b71517a454f51596753554d474458586a4e32382f487472353272476859353234536a69517657396168536a674e6f2b64535843544c6f4441684b43644957444556676d473251726939304a644159445470794b4d54732b4178414b517063536c58786a5a6f74547775423434583144555a2f7033595574793162714c613949664861532f7334755244416b65784c69653266363246');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16576', 131072);
SELECT pg_catalog.lowrite(0, '\x656e633a76313a4f444c55486742376b586b58754f50315a434a572b76374e526f793438447a4a504142314f686e75413161735034363964565a7369383432536965757039443455446e76676d47316a4c432b77727a556630634a4a5751777a39567065546166583854583161453d');
SELECT pg_catalog.lo_close(0);

SELECT pg_catalog.lo_open('16577', 131072);
SELECT pg_catalog.lowrite(0, '\x656e633a76313a494e762b6c30743134767055505a374462786d3262396459756341704a4368486c534b737347577a4b7030563546326b48594b555a6a6e61456f6d6742594963436752427253787447704d754565506b7666492f517a6c5851624b306a6f37762f39576c5944513d');
SELECT pg_catalog.lo_close(0);

COMMIT;

--
-- Name: account account_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT account_pkey PRIMARY KEY (id);


--
-- Name: account_vendor account_vendor_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account_vendor
    ADD CONSTRAINT account_vendor_pkey PRIMARY KEY (id);


--
-- Name: channel_log_line channel_log_line_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel_log_line
    ADD CONSTRAINT channel_log_line_pkey PRIMARY KEY (id);


--
-- Name: channel channel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.channel
    ADD CONSTRAINT channel_pkey PRIMARY KEY (id);


--
-- Name: contact_group_def contact_group_def_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_group_def
    ADD CONSTRAINT contact_group_def_pkey PRIMARY KEY (group_key);


--
-- Name: contact contact_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact
    ADD CONSTRAINT contact_pkey PRIMARY KEY (contact_key);


--
-- Name: conversation conversation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.conversation
    ADD CONSTRAINT conversation_pkey PRIMARY KEY (id);


--
-- Name: engine_mark engine_mark_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.engine_mark
    ADD CONSTRAINT engine_mark_pkey PRIMARY KEY (name);


--
-- Name: fake_vendor_message fake_vendor_message_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.fake_vendor_message
    ADD CONSTRAINT fake_vendor_message_pkey PRIMARY KEY (id);


--
-- Name: idempotency_key idempotency_key_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.idempotency_key
    ADD CONSTRAINT idempotency_key_pkey PRIMARY KEY (id);


--
-- Name: inbound_part inbound_part_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_part
    ADD CONSTRAINT inbound_part_pkey PRIMARY KEY (id);


--
-- Name: inbound_part inbound_part_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.inbound_part
    ADD CONSTRAINT inbound_part_unique UNIQUE (channel_id, ref, seq);


--
-- Name: kv_entry kv_entry_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.kv_entry
    ADD CONSTRAINT kv_entry_pkey PRIMARY KEY (id);


--
-- Name: message_event message_event_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.message_event
    ADD CONSTRAINT message_event_pkey PRIMARY KEY (id);


--
-- Name: message message_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.message
    ADD CONSTRAINT message_pkey PRIMARY KEY (id);


--
-- Name: metric_point metric_point_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.metric_point
    ADD CONSTRAINT metric_point_pkey PRIMARY KEY (id);


--
-- Name: opt_out opt_out_address; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.opt_out
    ADD CONSTRAINT opt_out_address UNIQUE (account_id, address_type, address_value);


--
-- Name: opt_out opt_out_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.opt_out
    ADD CONSTRAINT opt_out_pkey PRIMARY KEY (id);


--
-- Name: push push_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.push
    ADD CONSTRAINT push_pkey PRIMARY KEY (id);


--
-- Name: sandbox_failed_invocation sandbox_failed_invocation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sandbox_failed_invocation
    ADD CONSTRAINT sandbox_failed_invocation_pkey PRIMARY KEY (command_id);


--
-- Name: sandbox_log_line sandbox_log_line_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.sandbox_log_line
    ADD CONSTRAINT sandbox_log_line_pkey PRIMARY KEY (id);


--
-- Name: account uk2asdb6ya9cb0j7ttq14v8ig5m; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.account
    ADD CONSTRAINT uk2asdb6ya9cb0j7ttq14v8ig5m UNIQUE (account_key);


--
-- Name: vendor_number vendor_number_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.vendor_number
    ADD CONSTRAINT vendor_number_pkey PRIMARY KEY (id);


--
-- Name: vendor_number vendor_number_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.vendor_number
    ADD CONSTRAINT vendor_number_unique UNIQUE (vendor, number);


--
-- Name: account_token; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX account_token ON public.account USING btree (token_hash);


--
-- Name: channel_log_line_channel; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX channel_log_line_channel ON public.channel_log_line USING btree (channel_id, id);


--
-- Name: conversation_token; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX conversation_token ON public.conversation USING btree (account_id, token_hash);


--
-- Name: kv_entry_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX kv_entry_account ON public.kv_entry USING btree (account_id);


--
-- Name: message_conversation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_conversation ON public.message USING btree (conversation_id, direction, "timestamp");


--
-- Name: message_event_app; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_event_app ON public.message_event USING btree (app_pending, "timestamp");


--
-- Name: message_event_message; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_event_message ON public.message_event USING btree (message_id);


--
-- Name: message_event_time; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_event_time ON public.message_event USING btree ("timestamp");


--
-- Name: message_status; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_status ON public.message USING btree (status, channel_id, "timestamp");


--
-- Name: message_vendor_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX message_vendor_id ON public.message USING btree (vendor_message_id);


--
-- Name: metric_point_name; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX metric_point_name ON public.metric_point USING btree (account_id, store, name, fired_at);


--
-- Name: push_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_account ON public.push USING btree (account_id, state, conversation_id);


--
-- Name: push_due; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_due ON public.push USING btree (state, next_attempt_at);


--
-- Name: push_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX push_subject ON public.push USING btree (subject_id);


--
-- Name: sandbox_log_line_conversation; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sandbox_log_line_conversation ON public.sandbox_log_line USING btree (conversation_id, id);


--
-- Name: vendor_number_account; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX vendor_number_account ON public.vendor_number USING btree (account_id, vendor);


--
-- Name: contact_group fk9gdclc22vv91px6dcabioypd6; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.contact_group
    ADD CONSTRAINT fk9gdclc22vv91px6dcabioypd6 FOREIGN KEY (contact_key) REFERENCES public.contact(contact_key);


--
-- PostgreSQL database dump complete
--


