/**
 * The only module that imports the router. The console shares `react-router-dom-v5-compat`
 * (v6 API) with plugins; keeping every import here makes a later move to react-router 7 a
 * one-file change.
 */
export { Link, NavLink, Navigate, useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom-v5-compat';
